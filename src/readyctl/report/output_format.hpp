// A command's output formats as data: each row names a format and renders the command's result in it. The CLI
// builds its `-o` lookup, help text, "expected one of" error and completions from the same rows
// (cli/output_formats.cpp), so adding a format is one row here.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/report/formatters.hpp"

namespace readyctl {

template <class Result>
struct OutputFormat {
  std::string_view name;  // the first row of a table is the command's default
  std::string (*render)(const Result&, const RenderOptions&);
};

// InputError "-o NAME: expected one of A, B, C", the one wording of an unknown format.
[[noreturn]] void throw_unknown_format(std::string_view name, const std::vector<std::string_view>& names);

template <class Result>
std::vector<std::string_view> format_names(std::span<const OutputFormat<Result>> formats)
{
  std::vector<std::string_view> names;
  for (const OutputFormat<Result>& f : formats) names.push_back(f.name);
  return names;
}

template <class Result>
const OutputFormat<Result>& find_format(std::span<const OutputFormat<Result>> formats, std::string_view name)
{
  for (const OutputFormat<Result>& f : formats)
    if (f.name == name) return f;
  throw_unknown_format(name, format_names(formats));
}

}  // namespace readyctl
