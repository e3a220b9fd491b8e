#include "readyctl/lint/split_findings.hpp"

#include "readyctl/core/parallel.hpp"

namespace readyctl::lint {
namespace {

// Two threads each take one run of consecutive segments, split where the findings are halved: consecutive segments
// mostly share a rule, and two threads on one rule would trade the cache line of its shared remediation's count.
constexpr size_t k_parts = 2;

using Segments = std::vector<std::vector<RawFinding>>;

// parts + 1 segment indexes: part p is segments [bounds[p], bounds[p + 1]).
std::vector<size_t> part_bounds(const Segments& segments)
{
  size_t total = 0;
  for (const std::vector<RawFinding>& s : segments) total += s.size();
  std::vector<size_t> bounds{0};
  size_t seen = 0;
  for (size_t s = 0; s < segments.size() && bounds.size() < k_parts; ++s) {
    seen += segments[s].size();
    if (seen * k_parts >= total * bounds.size()) bounds.push_back(s + 1);
  }
  while (bounds.size() <= k_parts) bounds.push_back(segments.size());
  return bounds;
}

// Where each segment's findings go: each finding's suppression reason (null: reported) and the first slot of the
// segment in report.findings and in report.suppressed.
struct Placement {
  std::vector<std::vector<const std::string*>> reasons;
  std::vector<size_t> findings_at;
  std::vector<size_t> suppressed_at;
};

Placement place(const Segments& segments, const Suppressor& suppressor, const std::vector<size_t>& bounds,
                const LintReport& report)
{
  Placement p;
  p.reasons.resize(segments.size());
  std::vector<size_t> suppressed(segments.size());
  parallel_for(k_parts, [&](size_t part) {
    for (size_t s = bounds[part]; s < bounds[part + 1]; ++s) {
      p.reasons[s].resize(segments[s].size());
      for (size_t i = 0; i < segments[s].size(); ++i) {
        const RawFinding& f = segments[s][i];
        // Problems with suppressions are never suppressed themselves.
        const std::string* reason = f.rule->id == "suppression" ? nullptr : suppressor.reason_for(f);
        p.reasons[s][i] = reason;
        suppressed[s] += reason != nullptr;
      }
    }
  }, k_parts);
  size_t findings_at = report.findings.size();
  size_t suppressed_at = report.suppressed.size();
  for (size_t s = 0; s < segments.size(); ++s) {
    p.findings_at.push_back(findings_at);
    p.suppressed_at.push_back(suppressed_at);
    findings_at += segments[s].size() - suppressed[s];
    suppressed_at += suppressed[s];
  }
  p.findings_at.push_back(findings_at);
  p.suppressed_at.push_back(suppressed_at);
  return p;
}

}  // namespace

void split_suppressed(Segments& segments, const Suppressor& suppressor, LintReport& report, size_t room_after)
{
  const std::vector<size_t> bounds = part_bounds(segments);
  const Placement p = place(segments, suppressor, bounds, report);
  report.findings.reserve(p.findings_at.back() + room_after);
  report.findings.resize(p.findings_at.back());
  report.suppressed.resize(p.suppressed_at.back());
  parallel_for(k_parts, [&](size_t part) {
    const Rule* rule = nullptr;
    SharedText remediation;  // the rule's, one copy for all of its findings in this part
    for (size_t s = bounds[part]; s < bounds[part + 1]; ++s) {
      size_t reported = p.findings_at[s];
      size_t suppressed = p.suppressed_at[s];
      for (size_t i = 0; i < segments[s].size(); ++i) {
        RawFinding& f = segments[s][i];
        if (f.rule != rule) {
          rule = f.rule;
          remediation = SharedText(rule->remediation);
        }
        const std::string* reason = p.reasons[s][i];
        Finding& out = reason ? report.suppressed[suppressed++] : report.findings[reported++];
        out = make_finding(std::move(f), remediation);
        if (reason) out.suppression_reason = *reason;
      }
      std::vector<RawFinding>().swap(segments[s]);
    }
  }, k_parts);
}

}  // namespace readyctl::lint
