#include <doctest/doctest.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "test_support.hpp"

#include <sys/stat.h>
#include <thread>

using namespace readyctl;
namespace fs = std::filesystem;

TEST_SUITE("core")
{
  TEST_CASE("atomic writes replace whole files and leave no temp files behind")
  {
    test::TempDir dir;
    fs::path target = dir / "out.json";
    write_file_atomically(target, "first");
    write_file_atomically(target, "second", Overwrite::allow);
    CHECK(read_file(target) == "second");
    CHECK_THROWS_AS(write_file_atomically(target, "third", Overwrite::refuse), InputError);
    CHECK(read_file(target) == "second");
    int entries = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir.path())) ++entries;
    CHECK(entries == 1);
  }

  TEST_CASE("reading a directory or a missing file is an input error naming it")
  {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(read_file(dir.path()), doctest::Contains("is a directory"), InputError);
    CHECK_THROWS_WITH_AS(read_file(dir / "nope.yaml"), doctest::Contains("nope.yaml"), InputError);
  }
}

TEST_SUITE("core")
{
  TEST_CASE("writing a report to a device or FIFO writes through it, never replaces it")
  {
    test::TempDir dir;
    fs::path fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = test::slurp(fifo); });
    write_file_atomically(fifo, "through the pipe");
    reader.join();
    CHECK(received == "through the pipe");
    CHECK(fs::is_fifo(fifo));
    write_file_atomically("/dev/null", "discarded");
    CHECK(fs::is_character_file("/dev/null"));
  }
}
