// A place in a user's file, 1-based; line 0 means "the file as a whole".
#pragma once
#include <string>

#include <fmt/format.h>

namespace readyctl {

struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  std::string str() const
  {
    if (line <= 0) return file;
    if (column <= 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{}:{}", file, line, column);
  }
  friend bool operator==(const Location&, const Location&) = default;
};

}  // namespace readyctl
