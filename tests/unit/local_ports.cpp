#include "local_ports.hpp"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include "test_support.hpp"

namespace readyctl::test {

namespace {

sockaddr_in loopback(int port)
{
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

// A socket bound to a port the kernel picks on 127.0.0.1; `port` says which.
int bind_any_port(int& port)
{
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr = loopback(0);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a port on 127.0.0.1");
  }
  port = ntohs(addr.sin_port);
  return fd;
}

// A connected socket, or -1 when nothing accepts.
int connect_local(int port)
{
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr = loopback(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

int free_port()
{
  int port = 0;
  ::close(bind_any_port(port));
  return port;
}

bool port_open(int port)
{
  int fd = connect_local(port);
  if (fd >= 0) ::close(fd);
  return fd >= 0;
}

bool wait_for_port(int port, double seconds)
{
  return wait_until([&] { return port_open(port); }, seconds);
}

int http_status(int port, const std::string& path)
{
  int fd = connect_local(port);
  if (fd < 0) return 0;
  std::string request = fmt::format("GET {} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", path);
  if (::write(fd, request.data(), request.size()) < 0) {
    ::close(fd);
    return 0;
  }
  char buf[64] = {};
  ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  int status = 0;
  if (n > 12) std::sscanf(buf, "HTTP/%*s %d", &status);
  return status;
}

void wait_until_ready(int port, const std::string& path, double seconds)
{
  if (wait_until([&] { return http_status(port, path) == 200; }, seconds, std::chrono::milliseconds(100))) return;
  throw std::runtime_error(fmt::format("nothing answered 200 on 127.0.0.1:{}{} within {}s", port, path, seconds));
}

SilentListener::SilentListener() : m_fd(bind_any_port(port))
{
  if (::listen(m_fd, 16) != 0) {
    ::close(m_fd);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
}

SilentListener::~SilentListener() { ::close(m_fd); }

}  // namespace readyctl::test
