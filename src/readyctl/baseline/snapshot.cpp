#include "readyctl/baseline/snapshot.hpp"

#include "readyctl/baseline/baseline_json.hpp"
#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/embedded.hpp"
#include "readyctl/core/error.hpp"

namespace readyctl::baseline {
namespace {

Baseline embedded_snapshot(const char* file)
{
  std::string_view text = find_embedded(embedded_demo(), file);
  if (text.empty()) throw EnvironmentError(std::string("the bundled demo data (demo/") + file + ") is missing from this build");
  Baseline b = baseline_from_json(std::string("demo/") + file, std::string(text));
  b.source = "demo";
  return b;
}

}  // namespace

void save_snapshot(const Baseline& b, const std::string& path, bool force)
{
  write_file_atomically(path, baseline_to_json(b, true).dump(1) + "\n", force ? Overwrite::allow : Overwrite::refuse);
}

Baseline load_snapshot(const std::string& path) { return baseline_from_json(path, read_file(path)); }

Baseline demo_baseline() { return embedded_snapshot("baseline.json"); }
Baseline demo_previous_baseline() { return embedded_snapshot("baseline-previous.json"); }

}  // namespace readyctl::baseline
