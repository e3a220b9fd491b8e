// `when` conditions of variables and files: `name`, `!name`, `name == value`, `name != value`, joined by `&&`.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace readyctl::scaffold {

// Answers by variable name, each in canonical text form (booleans are "true" / "false").
using Answers = std::map<std::string, std::string>;

struct Clause {
  enum class Op { truthy, falsy, equals, differs };
  std::string name;
  Op op = Op::truthy;
  std::string value;
};

using Condition = std::vector<Clause>;  // all clauses must hold; empty holds always

// InputError (without a location; the caller adds it) on malformed text.
Condition parse_condition(const std::string& text);

// An absent answer is falsy and equals nothing.
bool holds(const Condition& condition, const Answers& answers);
bool holds(const std::string& condition_text, const Answers& answers);

}  // namespace readyctl::scaffold
