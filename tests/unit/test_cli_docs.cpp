// Every flag is in --help, in the man page and in the completions; the committed completion scripts are
// exactly what `readyctl completion` generates.
#include <doctest/doctest.h>

#include "command_tree.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

std::string man_page_for(const std::string& path)
{
  std::string first = path.substr(0, path.find(' '));
  if (first.empty() || first == "completion" || first == "version") return "man/readyctl.1";
  return "man/readyctl-" + first + ".1";
}

std::vector<std::string> split_path(const std::string& path)
{
  std::vector<std::string> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t sp = path.find(' ', start);
    out.push_back(path.substr(start, sp == std::string::npos ? std::string::npos : sp - start));
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  return out;
}

// roff escapes dashes: --fail-on is written \-\-fail\-on.
std::string roff(const std::string& flag)
{
  std::string out;
  for (char c : flag) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

}  // namespace

TEST_SUITE("cli")
{
  TEST_CASE("every long flag is in --help, the man page and every completion script")
  {
    std::string bash = test::slurp(test::source_dir() / "completions/readyctl.bash");
    std::string zsh = test::slurp(test::source_dir() / "completions/_readyctl");
    std::string fish = test::slurp(test::source_dir() / "completions/readyctl.fish");
    for (const cli::CommandInfo& c : cli::command_tree()) {
      CAPTURE(c.path);
      std::vector<std::string> args = split_path(c.path);
      args.push_back("--help");
      test::CliResult help = test::run_cli(args);
      CHECK(help.code == 0);
      std::string man = test::slurp(test::source_dir() / man_page_for(c.path));
      REQUIRE_MESSAGE(!man.empty(), "missing man page " << man_page_for(c.path));
      for (const cli::FlagInfo& f : c.flags) {
        if (f.long_name.empty() || f.long_name == "help") continue;
        CAPTURE(f.long_name);
        CHECK(help.out.find("--" + f.long_name) != std::string::npos);
        CHECK_MESSAGE(man.find(roff("--" + f.long_name)) != std::string::npos,
                      man_page_for(c.path) << " lacks " << roff("--" + f.long_name));
        CHECK(bash.find("--" + f.long_name) != std::string::npos);
        CHECK(zsh.find("--" + f.long_name) != std::string::npos);
        CHECK(fish.find("-l " + f.long_name) != std::string::npos);
      }
    }
  }

  TEST_CASE("committed completion scripts are the generated ones (run scripts/update-completions.sh)")
  {
    for (auto [shell, file] : {std::pair{"bash", "readyctl.bash"}, {"zsh", "_readyctl"}, {"fish", "readyctl.fish"}}) {
      CAPTURE(shell);
      CHECK(cli::completion_script(shell) == test::slurp(test::source_dir() / "completions" / file));
    }
  }

  TEST_CASE("the bash completion completes subcommands and flags")
  {
    test::TempDir dir;
    dir.write("t.sh", "source '" + (test::source_dir() / "completions/readyctl.bash").string() +
                          "'\nCOMP_WORDS=(readyctl lint --fail); COMP_CWORD=2; _readyctl; echo \"${COMPREPLY[@]}\"\n"
                          "COMP_WORDS=(readyctl li); COMP_CWORD=1; _readyctl; echo \"${COMPREPLY[@]}\"\n");
    std::string cmd = "bash '" + (dir / "t.sh").string() + "' > '" + (dir / "out").string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(test::slurp(dir / "out") == "--fail-on\nlint\n");
  }

  TEST_CASE("--version and version print readyctl <semver>")
  {
    CHECK(test::run_cli({"--version"}).out == std::string("readyctl ") + READYCTL_VERSION + "\n");
    CHECK(test::run_cli({"version"}).out == std::string("readyctl ") + READYCTL_VERSION + "\n");
  }
}
