#include <iostream>
#include <string>
#include <vector>

#include "app.hpp"
#include "readyctl/core/huge_heap.hpp"
#include "readyctl/core/terminal.hpp"

int main(int argc, char** argv)
{
  // Room for what lint and baseline build (the loader reserves more for big inputs); address space only.
  readyctl::reserve_huge_heap(size_t{64} << 20);
  readyctl::cli::Streams streams{std::cin, std::cout, std::cerr, readyctl::fd_is_terminal(1),
                                 readyctl::fd_is_terminal(2)};
  return readyctl::cli::run(std::vector<std::string>(argv, argv + argc), streams);
}
