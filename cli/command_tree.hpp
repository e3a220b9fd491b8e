// The command tree as data (paths, flags, descriptions): drives completions and the docs-consistency test.
#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace readyctl::cli {

struct FlagInfo {
  std::string long_name;   // without dashes
  std::string short_name;  // without dash; may be empty
  std::string description;
  bool takes_value = false;
  std::vector<std::string> values;  // the values it takes, when a table knows them (-o: the command's formats)
};

struct CommandInfo {
  std::string path;  // "" for the root, "lint", "lint rules", ...
  std::string description;
  std::vector<FlagInfo> flags;
  std::vector<std::string> subcommands;
};

// Registers every subcommand on `app` (the same tree `run` parses with).
void build_app(CLI::App& app, Context& ctx);

// Walks a freshly built tree, depth first, root first.
std::vector<CommandInfo> command_tree();

// The completion script for bash, zsh or fish, generated from command_tree().
std::string completion_script(const std::string& shell);

}  // namespace readyctl::cli
