// Which output formats each command has. One table drives the `-o` lookup, the flag's help text, the "expected
// one of" error and the completions, so the four never disagree.
#pragma once
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"

namespace readyctl::cli {

struct CommandFormats {
  std::string_view command;             // its path: "lint rules", "plan status"
  std::vector<std::string_view> names;  // the first is the default
};

std::span<const CommandFormats> command_formats();
// The formats of a command path; nullptr when it prints no result (`scaffold new`, `completion`).
const CommandFormats* formats_of(std::string_view command);

// Parses `-o FORMAT[=PATH]` values and checks each format against the command's row, before any work:
// InputError "-o xml: expected one of text, json, yaml".
std::vector<OutputSpec> parse_outputs(std::string_view command, const std::vector<std::string>& values);

// Adds the repeatable `-o,--output FORMAT[=PATH]` flag, its help text listing the command's formats.
void add_output_option(CLI::App* cmd, std::vector<std::string>& values, std::string_view command);

// For commands whose result is a short text and a JSON document: text, json, or yaml of the same document.
struct Document {
  std::function<std::string()> text;
  std::function<nlohmann::ordered_json()> json;  // already carries schemaVersion and tool
};
std::string render_document(const Document& doc, const std::string& format);
// Writes a Document to each output (specs from parse_outputs, taken before the command's work).
void write_document(Context& ctx, const std::vector<OutputSpec>& specs, const Document& doc);

// `{"schemaVersion": 1, "tool": ...}`, the head of every JSON document.
nlohmann::ordered_json document_head();

}  // namespace readyctl::cli
