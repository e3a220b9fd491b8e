// The command-line front end: parses flags into options, calls the core, maps results to exit codes.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace readyctl::cli {

struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

// Runs one readyctl invocation in-process and returns its exit code; never calls exit().
int run(const std::vector<std::string>& args, Streams& streams);

}  // namespace readyctl::cli
