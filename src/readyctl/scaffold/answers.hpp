// Answers to a template's variables: from --set, an answers file, the recorded answers, a prompt, or defaults.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "readyctl/scaffold/condition.hpp"
#include "readyctl/scaffold/template_manifest.hpp"

namespace readyctl::scaffold {

// Asks the user for one variable. `suggested` is the default (may be empty), `problem` why the last answer
// was refused (empty at first). nullopt: no answer (end of input).
using Prompt = std::function<std::optional<std::string>(const Variable& var, const std::string& suggested,
                                                        const std::string& problem)>;

// A value for a variable the template leaves without a default, and where it came from (for error messages).
struct Fallback {
  std::string value;
  std::string origin;  // "the base name of DIR 'x/my-flow'"
};

struct AnswerSources {
  std::vector<std::string> sets;                   // "name=value" from --set, highest precedence
  std::optional<std::filesystem::path> answers_file;  // --answers FILE
  Answers recorded;                                // from .readyctl-answers.yaml (update)
  Prompt prompt;                                   // empty: non-interactive, defaults fill the gaps
  // Defaults the caller supplies where the template has none (project_name: DIR's base name, as `cargo new`);
  // used only when valid for the variable.
  std::map<std::string, Fallback> fallbacks;
};

// Resolves every variable whose `when` holds, in declaration order. InputError naming every missing answer,
// or the bad value and its source (`--set x=…`, `answers.yaml:3:7`).
Answers resolve_answers(const TemplateManifest& manifest, const AnswerSources& sources);

// The canonical text of a valid value, or nullopt with `problem` set.
std::optional<std::string> validate_answer(const Variable& var, const std::string& text, std::string& problem);

// What .readyctl-answers.yaml records.
struct RecordedAnswers {
  std::string template_name;
  int version = 0;
  Answers answers;
};

std::string format_recorded_answers(const RecordedAnswers& recorded);
// InputError "path:line:col: ..." on a malformed file.
RecordedAnswers parse_recorded_answers(const std::string& display_path, const std::string& text);

}  // namespace readyctl::scaffold
