// Ports on 127.0.0.1 for tests that start servers: a free one, a taken one, whether and how one answers.
#pragma once
#include <string>

namespace readyctl::test {

// A port nobody listens on right now (bind to 0, read it back, close).
int free_port();

// Whether something accepts a TCP connection on the port.
bool port_open(int port);

// Polls until the port accepts a connection; false after `seconds`.
bool wait_for_port(int port, double seconds);

// GET http://127.0.0.1:port/path; returns the HTTP status, or 0 when nothing answers.
int http_status(int port, const std::string& path);

// Polls until GET path answers 200, or throws after `seconds`.
void wait_until_ready(int port, const std::string& path, double seconds);

// A socket listening on a free port for the scope that never accepts: the port is taken, and a client's connection
// completes in the kernel's backlog but no byte ever comes back.
class SilentListener {
public:
  SilentListener();
  ~SilentListener();
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;
  int port = 0;

private:
  int m_fd;
};

}  // namespace readyctl::test
