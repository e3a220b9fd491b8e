#include "readyctl/report/html.hpp"

#include <fmt/format.h>

#include "readyctl/core/text.hpp"

namespace readyctl {

std::string html_page(std::string_view title, std::string_view css, std::string_view body)
{
  return fmt::format("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>"
                     "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>{}</style></head>"
                     "<body><main>{}</main></body></html>\n",
                     html_escape(title), css, body);
}

}  // namespace readyctl
