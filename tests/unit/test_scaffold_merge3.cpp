#include <doctest/doctest.h>

#include "readyctl/scaffold/merge3.hpp"

using readyctl::scaffold::merge3;

TEST_SUITE("scaffold")
{
  TEST_CASE("merge3 takes changes made on one side only")
  {
    std::string base = "a\nb\nc\nd\ne\n";
    std::string yours = "a\nB\nc\nd\ne\n";   // edited line 2
    std::string theirs = "a\nb\nc\nd\nE\n";  // template changed line 5
    auto merged = merge3(base, yours, theirs);
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == "a\nB\nc\nd\nE\n");
  }

  TEST_CASE("merge3 merges changes to neighbouring lines cleanly, but not an insertion at a change's edge")
  {
    auto neighbours = merge3("a\nb\nc\n", "a\nB\nc\n", "a\nb\nC\n");
    CHECK(neighbours.conflicts == 0);
    CHECK(neighbours.text == "a\nB\nC\n");
    auto edge = merge3("a\nb\n", "a\nB\n", "a\nb\nnew\n");
    CHECK(edge.conflicts == 1);
  }

  TEST_CASE("merge3 takes identical changes once")
  {
    auto merged = merge3("a\nb\nc\n", "a\nX\nc\n", "a\nX\nc\n");
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == "a\nX\nc\n");
  }

  TEST_CASE("merge3 keeps insertions and deletions from both sides")
  {
    std::string base = "1\n2\n3\n4\n5\n6\n";
    std::string yours = "0\n1\n2\n3\n4\n5\n6\n";  // inserted at the top
    std::string theirs = "1\n2\n3\n4\n6\n";        // deleted 5
    auto merged = merge3(base, yours, theirs);
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == "0\n1\n2\n3\n4\n6\n");
  }

  TEST_CASE("merge3 marks a conflict with all three versions and loses nothing")
  {
    auto merged = merge3("a\nb\nc\n", "a\nmine\nc\n", "a\ntheirs\nc\n", {"yours", "template v1", "template v2"});
    CHECK(merged.conflicts == 1);
    CHECK(merged.text == "a\n<<<<<<< yours\nmine\n||||||| template v1\nb\n=======\ntheirs\n>>>>>>> template v2\nc\n");
  }

  TEST_CASE("merge3 handles a last line without newline inside a conflict")
  {
    auto merged = merge3("x", "y", "z");
    CHECK(merged.conflicts == 1);
    CHECK(merged.text == "<<<<<<< yours\ny\n||||||| base\nx\n=======\nz\n>>>>>>> theirs\n");
  }

  TEST_CASE("merge3 with an empty base merges two additions as a conflict unless equal")
  {
    CHECK(merge3("", "same\n", "same\n").text == "same\n");
    CHECK(merge3("", "one\n", "two\n").conflicts == 1);
  }

  TEST_CASE("merge3 with no changes returns the base")
  {
    auto merged = merge3("a\nb\n", "a\nb\n", "a\nb\n");
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == "a\nb\n");
  }
}
