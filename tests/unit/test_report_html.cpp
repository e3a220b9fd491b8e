// The one HTML page skeleton: the three HTML reports share its head, and the title is escaped.
#include <doctest/doctest.h>

#include <string>

#include "readyctl/report/html.hpp"

TEST_SUITE("report")
{
  TEST_CASE("html_page wraps a body in the shared skeleton with the caller's CSS")
  {
    std::string page = readyctl::html_page("a <b> & c", "main{color:red}", "<p>hi</p>");
    CHECK(page.starts_with("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>a &lt;b&gt; &amp; c</title>"));
    CHECK(page.find("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">") != std::string::npos);
    CHECK(page.find("<style>main{color:red}</style></head>") != std::string::npos);
    CHECK(page.ends_with("<body><main><p>hi</p></main></body></html>\n"));
  }
}
