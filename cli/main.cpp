#include <iostream>
#include <string>
#include <vector>

#include "app.hpp"
#include "readyctl/core/terminal.hpp"

int main(int argc, char** argv)
{
  readyctl::cli::Streams streams{std::cin, std::cout, std::cerr, readyctl::fd_is_terminal(1),
                                 readyctl::fd_is_terminal(2), true};
  return readyctl::cli::run(std::vector<std::string>(argv, argv + argc), streams);
}
