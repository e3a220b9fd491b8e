#include "readyctl/gameday/command_spec.hpp"

#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

std::map<std::string, std::string> command_env(const Json& env)
{
  std::map<std::string, std::string> out;
  if (env.is_object())
    for (auto it = env.begin(); it != env.end(); ++it) out[it.key()] = json_text(it.value());
  return out;
}

}  // namespace

io::ProcessSpec command_spec(const Json& spec)
{
  io::ProcessSpec out;
  const Json& command = spec.at("command");
  if (command.is_array())
    for (const Json& a : command) out.argv.push_back(json_text(a));
  else
    out.argv = {"/bin/sh", "-c", json_text(command)};
  if (spec.contains("cwd")) out.cwd = json_text(spec["cwd"]);
  if (spec.contains("env")) out.env = command_env(spec["env"]);
  return out;
}

}  // namespace readyctl::gameday
