// A fake Prometheus (tests/baseline/fake_server.py) in one of its modes, for the length of a test.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "local_ports.hpp"
#include "readyctl/io/child_process.hpp"
#include "test_support.hpp"

namespace readyctl::test {

class FakeServer {
public:
  explicit FakeServer(const std::string& mode) : port(free_port())
  {
    m_process = std::make_unique<io::ChildProcess>(
        io::ProcessSpec{{"python3", (source_dir() / "tests/baseline/fake_server.py").string(), std::to_string(port), mode},
                        "",
                        {}},
        m_dir / "server.log");
    wait_until_ready(port, "/-/ready", 20);
  }
  std::string url(const std::string& prefix = "") const { return fmt::format("http://127.0.0.1:{}{}", port, prefix); }
  int port;

private:
  TempDir m_dir;
  std::unique_ptr<io::ChildProcess> m_process;
};

}  // namespace readyctl::test
