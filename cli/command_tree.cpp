#include "command_tree.hpp"

#include <sstream>

#include "output_formats.hpp"

namespace readyctl::cli {
namespace {

FlagInfo flag_info(const CLI::Option* opt, const std::string& path)
{
  FlagInfo f;
  if (!opt->get_lnames().empty()) f.long_name = opt->get_lnames().front();
  if (!opt->get_snames().empty()) f.short_name = opt->get_snames().front();
  f.description = opt->get_description();
  f.takes_value = opt->get_type_size() != 0;
  if (const CommandFormats* row = formats_of(path); row && f.long_name == "output")
    f.values.assign(row->names.begin(), row->names.end());
  return f;
}

void walk(const CLI::App* app, const std::string& path, std::vector<CommandInfo>& out)
{
  CommandInfo info;
  info.path = path;
  info.description = app->get_description();
  for (const CLI::Option* opt : app->get_options())
    if (!opt->get_lnames().empty() || !opt->get_snames().empty()) info.flags.push_back(flag_info(opt, path));
  std::vector<const CLI::App*> subs = app->get_subcommands([](const CLI::App*) { return true; });
  for (const CLI::App* sub : subs) info.subcommands.push_back(sub->get_name());
  out.push_back(info);
  for (const CLI::App* sub : subs) walk(sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

}  // namespace

std::vector<CommandInfo> command_tree()
{
  std::istringstream in;
  std::ostringstream out, err;
  Streams streams{in, out, err, false, false, false};
  Context ctx{streams, {}, 0, {}};
  CLI::App app{"readyctl", "readyctl"};
  build_app(app, ctx);
  std::vector<CommandInfo> tree;
  walk(&app, "", tree);
  return tree;
}

}  // namespace readyctl::cli
