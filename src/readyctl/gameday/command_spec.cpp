#include "readyctl/gameday/command_spec.hpp"

namespace readyctl::gameday {

io::ProcessSpec process_spec(const CommandSpec& command)
{
  io::ProcessSpec out;
  const Json& argv = command.command.value;
  if (argv.is_array())
    for (const Json& a : argv) out.argv.push_back(json_text(a));
  else
    out.argv = {"/bin/sh", "-c", json_text(argv)};
  if (command.cwd) out.cwd = command.cwd->text();
  for (const auto& [name, value] : command.env) out.env[name] = value.text();
  return out;
}

io::ProcessSpec command_spec(const Json& spec)
{
  return process_spec(read_spec<CommandSpec>(TemplateReader(spec), spec));
}

}  // namespace readyctl::gameday
