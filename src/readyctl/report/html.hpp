// The page every HTML report shares (baseline, game day, plan): one skeleton, so the reports agree on charset,
// viewport and layout, and a command brings only its title, its own CSS and its body.
#pragma once
#include <string>
#include <string_view>

namespace readyctl {

// A self-contained page: doctype, charset, viewport, `<style>css</style>`, then `<main>body</main>`. Its text is
// the caller's: the title is escaped here, the CSS and body are HTML already.
std::string html_page(std::string_view title, std::string_view css, std::string_view body);

}  // namespace readyctl
