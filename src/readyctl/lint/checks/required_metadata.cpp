// required-metadata (off by default): an organisation's metadata policy, set in its own .readyctl.yaml. Objects in
// scope carry the labels and annotations it names, and a workload's app.kubernetes.io/instance label is its name,
// as Polaris's metadataAndInstanceMismatched asks.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"
#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_instance_label = "app.kubernetes.io/instance";

// The entry `key` of metadata.labels or metadata.annotations (`map`), or null.
const yaml::Node* metadata_entry(const Object& o, std::string_view map, std::string_view key)
{
  const yaml::Node* m = o.metadata ? o.metadata->get(map) : nullptr;
  return m ? m->get(key) : nullptr;
}

// An annotation named for an e-mail address (`email`, `example.com/owner-email`) must hold one, as kube-linter's
// required-annotation-email asks.
bool names_email(std::string_view key) { return to_lower(key.substr(key.rfind('/') + 1)).ends_with("email"); }

// Text around an '@' with a dotted domain after it: `ml-platform@example.com`, `Team <ml@example.com>`.
bool holds_email(std::string_view value)
{
  size_t at = value.find('@');
  if (at == std::string_view::npos || at == 0 || value[at - 1] == ' ') return false;
  std::string_view domain = value.substr(at + 1);
  domain = domain.substr(0, domain.find_first_of(" >"));
  size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

// "label owner", "annotation email (set, but empty)": each required key the object lacks or leaves empty.
void add_missing_keys(const Object& o, std::string_view map, const std::vector<std::string>& keys, std::vector<std::string>& missing)
{
  std::string_view what = map == "labels" ? "label" : "annotation";
  for (const std::string& key : keys) {
    const yaml::Node* n = metadata_entry(o, map, key);
    if (!n) missing.push_back(fmt::format("{} {}", what, key));
    else if (n->str().empty()) missing.push_back(fmt::format("{} {} (set, but empty)", what, key));
  }
}

void check_email_values(const CheckContext& ctx, const Object& o, const std::vector<std::string>& annotations)
{
  for (const std::string& key : annotations) {
    const yaml::Node* n = metadata_entry(o, "annotations", key);
    if (!n || n->str().empty() || !names_email(key) || holds_email(n->str())) continue;
    ctx.sink.report(o, n, fmt::format("annotation {} of {} is '{}', not an e-mail address", key, o.display_name(), n->str()));
  }
}

// Polaris's check (target Controller): the label is set and equals the name. An object named by generateName has
// no name to compare with.
void check_instance_label(const CheckContext& ctx, const Object& o, std::vector<std::string>& missing)
{
  if (!is_workload(o) || o.name.empty()) return;
  const yaml::Node* n = metadata_entry(o, "labels", k_instance_label);
  if (!n || n->str().empty()) {
    missing.push_back(fmt::format("label {} (set to its name, {})", k_instance_label, o.name));
  } else if (n->str() != o.name) {
    ctx.sink.report(o, n, fmt::format("label {} of {} is '{}', not the object's name '{}' (param instanceLabelMatchesName)",
                                      k_instance_label, o.display_name(), n->str(), o.name));
  }
}

}  // namespace

void check_required_metadata(const CheckContext& ctx)
{
  const std::vector<std::string> kinds = ctx.rule.param_strings("kinds");
  const std::vector<std::string> labels = ctx.rule.param_strings("labels");
  const std::vector<std::string> annotations = ctx.rule.param_strings("annotations");
  const bool instance = ctx.rule.param_bool("instanceLabelMatchesName");
  for (const Object& o : ctx.objects()) {
    if (!kinds_include(kinds, o)) continue;
    std::vector<std::string> missing;
    add_missing_keys(o, "labels", labels, missing);
    add_missing_keys(o, "annotations", annotations, missing);
    check_email_values(ctx, o, annotations);
    if (instance) check_instance_label(ctx, o, missing);
    if (missing.empty()) continue;
    const yaml::Node* at = o.root->key_node("metadata");
    ctx.sink.report(o, at, fmt::format("{} lacks what the organisation's metadata policy requires: {}", o.display_name(),
                                       fmt::join(missing, ", ")));
  }
}

}  // namespace readyctl::lint
