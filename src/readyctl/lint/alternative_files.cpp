#include "readyctl/lint/alternative_files.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace readyctl::lint {
namespace {

// The kinds whose copies cross-resource rules would count twice: workloads, their budgets, scalers and Services.
constexpr std::array<std::string_view, 12> k_counted_kinds = {
    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "PodDisruptionBudget",
    "HorizontalPodAutoscaler", "ScaledObject", "Service", "LeaderWorkerSet"};

bool counted_kind(std::string_view kind)
{
  return std::find(k_counted_kinds.begin(), k_counted_kinds.end(), kind) != k_counted_kinds.end();
}

std::string identity_in_directory(const Object& o)
{
  std::string key = directory_of(o);
  for (std::string_view part : {o.kind, std::string_view(o.group), o.ns, o.name}) {
    key.push_back('\0');
    key.append(part);
  }
  return key;
}

// The files of the unit that share a counted object with another file of their directory.
std::set<const yaml::SourceFile*> alternative_files(const ManifestSet& set, const Unit& unit)
{
  std::map<std::string, std::set<const yaml::SourceFile*>> files_by_identity;
  for (size_t i = unit.first; i < unit.last; ++i) {
    const Object& o = set.objects[i];
    if (o.file && !o.name.empty() && counted_kind(o.kind)) files_by_identity[identity_in_directory(o)].insert(o.file);
  }
  std::set<const yaml::SourceFile*> out;
  for (const auto& [identity, files] : files_by_identity)
    if (files.size() > 1) out.insert(files.begin(), files.end());
  return out;
}

// Takes the alternative files' objects out of the plain unit (which keeps the others, in walk order), shifting the
// units after it; returns them in walk order.
std::vector<Object> take_alternatives(ManifestSet& set, Unit& plain, const std::set<const yaml::SourceFile*>& files)
{
  const auto begin = set.objects.begin() + static_cast<std::ptrdiff_t>(plain.first);
  const auto end = set.objects.begin() + static_cast<std::ptrdiff_t>(plain.last);
  const auto split = std::stable_partition(begin, end, [&](const Object& o) { return !files.contains(o.file); });
  std::vector<Object> taken(std::make_move_iterator(split), std::make_move_iterator(end));
  const size_t old_last = plain.last;
  set.objects.erase(split, end);
  plain.last = old_last - taken.size();
  for (Unit& u : set.units)
    if (&u != &plain && u.first >= old_last) {
      u.first -= taken.size();
      u.last -= taken.size();
    }
  return taken;
}

}  // namespace

void split_alternative_files(ManifestSet& set)
{
  auto plain = std::find_if(set.units.begin(), set.units.end(), [](const Unit& u) { return u.kind == UnitKind::plain_files; });
  if (plain == set.units.end() || plain->first == plain->last) return;
  const std::set<const yaml::SourceFile*> files = alternative_files(set, *plain);
  if (files.empty()) return;
  std::vector<Object> taken = take_alternatives(set, *plain, files);
  std::multimap<std::string, size_t> shared_by_dir;  // the plain unit's objects by directory
  for (size_t i = plain->first; i < plain->last; ++i)
    if (set.objects[i].file) shared_by_dir.emplace(directory_of(set.objects[i]), i);
  // `plain` is not used below: adding units may move it.
  for (size_t i = 0; i < taken.size();) {
    Unit unit{"", UnitKind::plain_files, set.objects.size(), 0};
    const yaml::SourceFile* file = taken[i].file;
    const std::string dir = directory_of(taken[i]);
    for (; i < taken.size() && taken[i].file == file; ++i) set.objects.push_back(std::move(taken[i]));
    auto [lo, hi] = shared_by_dir.equal_range(dir);
    for (auto it = lo; it != hi; ++it, ++set.copied_objects) set.objects.push_back(set.objects[it->second]);
    unit.last = set.objects.size();
    set.units.push_back(unit);
  }
}

}  // namespace readyctl::lint
