#include "readyctl/gameday/requirements.hpp"

#include <cstdlib>
#include <filesystem>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include "readyctl/gameday/schema.hpp"
#include "readyctl/io/process.hpp"

namespace readyctl::gameday {

namespace {

std::vector<std::string> scalar_list(Checker& c, const yaml::Node* node, std::string_view what)
{
  std::vector<std::string> out;
  if (!c.sequence(node, what)) return out;
  for (const yaml::Node* item : node->children())
    if (c.scalar(item, what)) out.emplace_back(item->str());
  return out;
}

// Free means a listener could bind it now (SO_REUSEADDR: a socket in TIME_WAIT does not count as taken).
bool port_free(int port)
{
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

std::string port_problem(const std::string& text)
{
  char* end = nullptr;
  long port = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || port < 1 || port > 65535)
    return fmt::format("port '{}' is not a port number (1-65535)", text);
  return port_free(static_cast<int>(port)) ? "" : fmt::format("port {} on 127.0.0.1 is already in use", port);
}

}  // namespace

Requirements read_requirements(Checker& c, const yaml::Node* node)
{
  Requirements r;
  r.location = c.where(node);
  if (!c.mapping(node, "requires")) return r;
  c.known_keys(node, {"commands", "ports", "env"}, "requires");
  if (const yaml::Node* v = node->get("commands")) r.commands = scalar_list(c, v, "requires.commands");
  if (const yaml::Node* v = node->get("env")) r.env = scalar_list(c, v, "requires.env");
  if (const yaml::Node* v = node->get("ports"); v && c.sequence(v, "requires.ports"))
    for (const yaml::Node* item : v->children()) {
      c.integer(item, "requires.ports", 1, 65535);
      if (item->is_scalar()) r.ports.emplace_back(item->str());
    }
  return r;
}

std::vector<std::string> missing_requirements(const Requirements& requirements, const Resolver& resolve)
{
  std::vector<std::string> missing;
  for (const std::string& command : requirements.commands) {
    std::string name = substitute(command, resolve);
    if (!io::on_path(name)) missing.push_back(fmt::format("command '{}' is not on PATH", name));
  }
  for (const std::string& port : requirements.ports)
    if (std::string problem = port_problem(substitute(port, resolve)); !problem.empty()) missing.push_back(problem);
  for (const std::string& name : requirements.env)
    if (std::getenv(name.c_str()) == nullptr) missing.push_back(fmt::format("environment variable {} is not set", name));
  return missing;
}

}  // namespace readyctl::gameday
