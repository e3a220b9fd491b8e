#include "readyctl/scaffold/condition.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/text.hpp"

namespace readyctl::scaffold {
namespace {

bool is_name(std::string_view text)
{
  if (text.empty()) return false;
  for (char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

std::string checked_name(std::string_view text, const std::string& whole)
{
  std::string_view name = trim(text);
  if (!is_name(name))
    throw InputError(fmt::format("expected a variable name in the condition '{}', got '{}'", whole, name));
  return std::string(name);
}

Clause parse_clause(std::string_view text, const std::string& whole)
{
  text = trim(text);
  for (auto [token, op] : {std::pair{"==", Clause::Op::equals}, std::pair{"!=", Clause::Op::differs}}) {
    size_t at = text.find(token);
    if (at == std::string_view::npos) continue;
    std::string value(trim(text.substr(at + 2)));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    return {checked_name(text.substr(0, at), whole), op, value};
  }
  if (!text.empty() && text.front() == '!') return {checked_name(text.substr(1), whole), Clause::Op::falsy, {}};
  return {checked_name(text, whole), Clause::Op::truthy, {}};
}

bool truthy(const Answers& answers, const std::string& name)
{
  auto it = answers.find(name);
  return it != answers.end() && !it->second.empty() && it->second != "false" && it->second != "0";
}

bool clause_holds(const Clause& clause, const Answers& answers)
{
  auto it = answers.find(clause.name);
  switch (clause.op) {
  case Clause::Op::truthy: return truthy(answers, clause.name);
  case Clause::Op::falsy: return !truthy(answers, clause.name);
  case Clause::Op::equals: return it != answers.end() && it->second == clause.value;
  case Clause::Op::differs: return it == answers.end() || it->second != clause.value;
  }
  return false;
}

}  // namespace

Condition parse_condition(const std::string& text)
{
  Condition condition;
  std::string_view rest = text;
  while (true) {
    size_t at = rest.find("&&");
    condition.push_back(parse_clause(rest.substr(0, at), text));
    if (at == std::string_view::npos) break;
    rest.remove_prefix(at + 2);
  }
  return condition;
}

bool holds(const Condition& condition, const Answers& answers)
{
  for (const Clause& clause : condition)
    if (!clause_holds(clause, answers)) return false;
  return true;
}

bool holds(const std::string& condition_text, const Answers& answers)
{
  return condition_text.empty() || holds(parse_condition(condition_text), answers);
}

}  // namespace readyctl::scaffold
