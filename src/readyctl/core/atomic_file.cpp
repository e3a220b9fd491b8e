#include "readyctl/core/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl {
namespace fs = std::filesystem;

namespace {

void write_all(int fd, std::string_view content, const std::string& tmp)
{
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw EnvironmentError(fmt::format("{}: write failed: {}", tmp, std::strerror(errno)));
    content.remove_prefix(static_cast<size_t>(n));
  }
}

void write_in_place(const fs::path& path, std::string_view content)
{
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw EnvironmentError(fmt::format("{}: cannot open for writing: {}", path.string(), std::strerror(errno)));
  try {
    write_all(fd, content, path.string());
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content, Overwrite overwrite)
{
  std::error_code ec;
  if (overwrite == Overwrite::refuse && fs::exists(path, ec))
    throw InputError(fmt::format("{}: already exists (use --force to overwrite)", path.string()));
  // A device or FIFO (/dev/null, /dev/stdout, a pipe) is written in place: renaming over it would replace it.
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec) && !fs::is_directory(path, ec)) {
    write_in_place(path, content);
    return;
  }
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::string tmp = path.string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0)
    throw EnvironmentError(fmt::format("{}: cannot create a temporary file: {}", path.string(),
                                       std::strerror(errno)));
  try {
    write_all(fd, content, tmp);
    if (::fsync(fd) != 0 && errno != EINVAL)
      throw EnvironmentError(fmt::format("{}: fsync failed: {}", tmp, std::strerror(errno)));
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  ::fchmod(fd, 0644);
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw EnvironmentError(fmt::format("{}: cannot rename into place: {}", path.string(), std::strerror(err)));
  }
}

}  // namespace readyctl
