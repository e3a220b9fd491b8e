// Renders game-day journals for people: a markdown summary and a self-contained HTML timeline.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "readyctl/report/output_format.hpp"

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;

// What both renderings show for one journal.
struct JournalSummary {
  std::string name;
  std::string run_id;
  std::string verdict;  // "running" for a journal whose run never finished
  std::string reason;
  std::string start;
  double duration = 0;
  bool dry_run = false;
  Json ttd;  // seconds or null
  Json ttr;
  int probes = 0;
  int probe_failures = 0;
  int faults = 0;
  int undos = 0;
  int undos_pending = 0;
};

JournalSummary summarize_journal(const Json& journal);
// Seconds rounded for reading ("72ms", "3.59s", "12.4s", "2m5s"); "—" for a missing (null) value.
std::string seconds_text(double seconds);
std::string seconds_text(const Json& seconds);
std::string render_markdown(const std::vector<Json>& journals);
std::string render_html(const std::vector<Json>& journals);
// `gameday report -o`: markdown (default), html, over the journals given.
std::span<const OutputFormat<std::vector<Json>>> report_formats();
// JUnit XML of one journal: a suite per phase, a test case per probe, step, assertion and undo, one for the verdict.
std::string render_junit(const Json& journal);
// The page's parts, for reports that embed journals (plan report): its stylesheet and one journal's section.
std::string html_style();
std::string render_html_section(const Json& journal);

}  // namespace readyctl::gameday
