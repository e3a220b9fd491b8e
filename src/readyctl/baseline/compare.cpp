#include "readyctl/baseline/compare.hpp"

#include <algorithm>
#include <cmath>

namespace readyctl::baseline {
namespace {

bool hurts(Worse worse, double delta)
{
  return (worse == Worse::higher && delta > 0) || (worse == Worse::lower && delta < 0);
}

void compare_tenant(const TenantBaseline& before, const TenantBaseline& after, double threshold,
                    std::vector<Change>& out)
{
  for (const FieldSpec& f : baseline_fields()) {
    Figure a = before.get(f.path), b = after.get(f.path);
    if (!a && !b) continue;
    Change c{after.name, std::string(f.path), a, b, std::nullopt, false};
    if (a && b) {
      double delta = *b - *a;
      if (*a != 0) c.relative = delta / std::fabs(*a);
      if (std::fabs(delta) <= threshold * std::fabs(*a) || delta == 0) continue;
      c.worse = hurts(f.worse, delta);
      c.neutral = f.worse == Worse::neither;
    } else {
      c.worse = true;  // a figure that appeared or vanished deserves a look
    }
    out.push_back(std::move(c));
  }
}

double magnitude(const Change& c) { return c.relative ? std::fabs(*c.relative) : HUGE_VAL; }

}  // namespace

Comparison compare_baselines(const Baseline& before, const Baseline& after, const std::string& before_name,
                             double threshold)
{
  Comparison cmp{before_name, before.window, {}};
  for (const TenantBaseline& t : after.tenants) {
    auto it = std::find_if(before.tenants.begin(), before.tenants.end(),
                           [&](const TenantBaseline& b) { return b.name == t.name; });
    if (it != before.tenants.end()) compare_tenant(*it, t, threshold, cmp.changes);
  }
  compare_tenant(before.cluster, after.cluster, threshold, cmp.changes);
  std::stable_sort(cmp.changes.begin(), cmp.changes.end(), [](const Change& a, const Change& b) {
    if (a.worse != b.worse) return a.worse;
    if (a.neutral != b.neutral) return b.neutral;
    return magnitude(a) > magnitude(b);
  });
  return cmp;
}

}  // namespace readyctl::baseline
