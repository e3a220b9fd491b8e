#include "readyctl/core/read_file.hpp"

#include <cerrno>
#include <cstring>
#include <limits>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl {
namespace fs = std::filesystem;
namespace {

constexpr long k_pipefs_magic = 0x50495045;  // anonymous pipes: `<(cmd)`, /dev/stdin from a shell pipe

class Fd {
public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd()
  {
    if (m_fd >= 0) ::close(m_fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }

private:
  int m_fd;
};

std::string errno_message(const fs::path& path, int err)
{
  return fmt::format("{}: cannot read: {}", path.string(), std::strerror(err));
}

// An anonymous pipe always has its writer; a named FIFO may have none, and read() would then block forever.
void wait_for_fifo_writer(int fd, const fs::path& path)
{
  struct statfs fsinfo {};
  if (::fstatfs(fd, &fsinfo) == 0 && static_cast<long>(fsinfo.f_type) == k_pipefs_magic) return;
  pollfd p{fd, POLLIN, 0};
  int n = 0;
  do n = ::poll(&p, 1, k_fifo_wait_ms);
  while (n < 0 && errno == EINTR);
  if (n == 0)
    throw InputError(fmt::format("{}: nothing was written to this FIFO within {} s (no writer?)", path.string(),
                                 k_fifo_wait_ms / 1000));
}

// Refuses what is neither a file, a device nor a pipe (sockets, say); the descriptor was opened without blocking.
struct stat readable_status(int fd, const fs::path& path)
{
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
    throw InputError(fmt::format("{}: not a regular file", path.string()));
  return st;
}

std::string too_large(const fs::path& path, size_t max_bytes)
{
  return fmt::format("{}: larger than {} MiB, the most readyctl reads from one file", path.string(),
                     max_bytes / (1024 * 1024));
}

}  // namespace

std::string read_file(const fs::path& path, size_t max_bytes)
{
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError(fmt::format("{}: is a directory, expected a file", path.string()));
  // Opened without blocking, so a FIFO without a writer cannot hang the open itself.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) throw InputError(errno_message(path, errno));
  struct stat st = readable_status(fd.get(), path);
  if (S_ISFIFO(st.st_mode)) wait_for_fifo_writer(fd.get(), path);
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  std::string data;
  if (st.st_size > 0) {
    if (static_cast<size_t>(st.st_size) > max_bytes) throw InputError(too_large(path, max_bytes));
    data.reserve(static_cast<size_t>(st.st_size));
  }
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(errno_message(path, errno));
    if (n == 0) return data;
    if (data.size() + static_cast<size_t>(n) > max_bytes) throw InputError(too_large(path, max_bytes));
    data.append(buf, static_cast<size_t>(n));
  }
}

std::string read_file(const fs::path& path) { return read_file(path, std::numeric_limits<size_t>::max()); }

}  // namespace readyctl
