#include "readyctl/gameday/loader.hpp"

#include <regex>
#include <set>

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/schema.hpp"
#include "readyctl/gameday/yaml_json.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::gameday {

namespace {

enum class StepPlace { setup, method, rollback };

bool kebab(std::string_view name)
{
  static const std::regex k_kebab("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  return std::regex_match(name.begin(), name.end(), k_kebab);
}

void check_capture(Checker& c, const yaml::Node* node)
{
  if (!c.mapping(node, "capture")) return;
  for (auto [key, value] : node->entries()) {
    if (!c.mapping(value, fmt::format("capture.{}", key->str()))) continue;
    c.known_keys(value, {"jsonPath", "regex", "from"}, "a capture");
    if (value->get("jsonPath") == nullptr && value->get("regex") == nullptr)
      c.problem(value, "a capture needs 'jsonPath' or 'regex'");
    if (const yaml::Node* re = value->get("regex")) check_regex(c, re);
  }
  check_capture_cycles(c, node);
}

void read_step_body(Checker& c, const yaml::Node* node, Step& step, const Safety& safety, StepPlace place)
{
  int kinds = 0;
  if (const yaml::Node* a = node->get("action")) {
    step.kind = StepKind::action;
    step.action = read_action(c, a, safety, "action");
    ++kinds;
  }
  if (const yaml::Node* p = node->get("probe")) {
    step.kind = StepKind::probe;
    step.probe = read_probe(c, p, ProbePlace::step, step.name);
    ++kinds;
    if (place == StepPlace::rollback) c.problem(p, "rollbacks hold actions and sleeps, not probes");
  }
  if (const yaml::Node* s = node->get("sleep")) {
    step.kind = StepKind::sleep;
    c.duration(s, "sleep");
    step.sleep = c.text(s);
    ++kinds;
  }
  if (kinds != 1) c.problem(node, "a step needs exactly one of 'action', 'probe' or 'sleep'");
}

Step read_step(Checker& c, const yaml::Node* node, const Safety& safety, StepPlace place)
{
  Step step;
  step.location = c.where(node);
  if (!c.mapping(node, "step")) return step;
  c.known_keys(node, {"name", "action", "probe", "sleep", "undo", "capture", "fault"}, "a step");
  if (const yaml::Node* n = c.required(node, "name", "a step")) {
    step.name = c.text(n);
    if (!kebab(step.name)) c.problem(n, fmt::format("expected a kebab-case step name, got '{}'", n->str()));
  }
  read_step_body(c, node, step, safety, place);
  if (const yaml::Node* u = node->get("undo")) {
    if (step.kind != StepKind::action) c.problem(u, "'undo' belongs to action steps");
    step.undo = read_action(c, u, safety, "undo");
  }
  if (const yaml::Node* cap = node->get("capture")) check_capture(c, cap), step.capture = yaml_to_json(cap);
  if (const yaml::Node* f = node->get("fault")) {
    step.fault = f->as_bool();
    if (!step.fault) c.problem(f, "expected true or false for 'fault'");
  }
  return step;
}

struct Reader {
  Checker& c;
  Scenario& s;
  std::set<std::string> names;  // every step name seen so far, in order of execution

  std::vector<Step> steps(const yaml::Node* list, StepPlace place, std::string_view what)
  {
    std::vector<Step> out;
    if (!c.sequence(list, what)) return out;
    for (const yaml::Node* item : list->children()) {
      Step step = read_step(c, item, s.safety, place);
      if (item->is_mapping()) references(item);
      if (!step.name.empty() && !names.insert(step.name).second)
        c.problem(item->get("name"), fmt::format("step name '{}' is used twice", step.name));
      out.push_back(std::move(step));
    }
    return out;
  }

  void references(const yaml::Node* item)
  {
    ReferenceScope scope{&s.vars, names};
    for (auto [key, value] : item->entries())
      if (key->str() != "capture") check_references(c, value, scope);
  }

  std::vector<Probe> probes(const yaml::Node* list, ProbePlace place, std::string_view what)
  {
    std::vector<Probe> out;
    if (!c.sequence(list, what)) return out;
    std::set<std::string> seen;
    for (const yaml::Node* item : list->children()) {
      out.push_back(read_probe(c, item, place));
      check_references(c, item, ReferenceScope{&s.vars, names});
      if (!out.back().name.empty() && !seen.insert(out.back().name).second)
        c.problem(item->get("name"), fmt::format("probe name '{}' is used twice in '{}'", out.back().name, what));
    }
    return out;
  }
};

void read_header(Checker& c, const yaml::Node* root, Scenario& s)
{
  c.known_keys(root, {"apiVersion", "kind", "metadata", "vars", "safety", "requires", "setup", "hypothesis", "abortWhen", "steps",
                      "assert", "rollbacks"}, "a GameDay");
  if (const yaml::Node* v = c.required(root, "apiVersion", "a GameDay"))
    if (c.text(v) != "readyctl.io/v1") c.problem(v, fmt::format("expected apiVersion 'readyctl.io/v1', got '{}'", c.text(v)));
  if (const yaml::Node* v = c.required(root, "kind", "a GameDay"))
    if (c.text(v) != "GameDay") c.problem(v, fmt::format("expected kind 'GameDay', got '{}'", c.text(v)));
  const yaml::Node* meta = c.required(root, "metadata", "a GameDay");
  if (meta == nullptr || !c.mapping(meta, "metadata")) return;
  c.known_keys(meta, {"name", "description", "tags"}, "metadata");
  if (const yaml::Node* n = c.required(meta, "name", "metadata")) {
    s.name = c.text(n);
    if (!kebab(s.name)) c.problem(n, fmt::format("expected a kebab-case name, got '{}'", n->str()));
  }
  s.description = c.text(meta->get("description"));
  if (const yaml::Node* tags = meta->get("tags"); tags && c.sequence(tags, "metadata.tags"))
    for (const yaml::Node* t : tags->children())
      if (c.scalar(t, "tag")) s.tags.emplace_back(t->str());
}

void read_vars(Checker& c, const yaml::Node* vars, Scenario& s)
{
  if (!c.mapping(vars, "vars")) return;
  for (auto [key, value] : vars->entries()) {
    if (value != nullptr && !value->is_scalar() && !value->is_null()) {
      c.problem(value, fmt::format("expected a scalar default for variable '{}'", key->str()));
      continue;
    }
    s.vars[std::string(key->str())] = c.text(value);
  }
}

void read_safety(Checker& c, const yaml::Node* node, Scenario& s)
{
  if (!c.mapping(node, "safety")) return;
  c.known_keys(node, {"allowedContexts", "maxTargets", "maxPercent"}, "safety");
  if (const yaml::Node* list = node->get("allowedContexts"); list && c.sequence(list, "allowedContexts"))
    for (const yaml::Node* ctx : list->children())
      if (c.scalar(ctx, "context")) s.safety.allowed_contexts.emplace_back(ctx->str());
  if (const yaml::Node* v = node->get("maxTargets")) s.safety.max_targets = c.integer(v, "maxTargets", 1, 100000).value_or(1);
  if (const yaml::Node* v = node->get("maxPercent")) s.safety.max_percent = c.integer(v, "maxPercent", 1, 100).value_or(100);
}

void read_hypothesis(Reader& r, const yaml::Node* node)
{
  if (!r.c.mapping(node, "hypothesis")) return;
  r.c.known_keys(node, {"title", "probes"}, "hypothesis");
  r.s.hypothesis_title = r.c.text(node->get("title"));
  if (const yaml::Node* p = r.c.required(node, "probes", "hypothesis"))
    r.s.hypothesis = r.probes(p, ProbePlace::hypothesis, "hypothesis.probes");
}

void read_body(Checker& c, const yaml::Node* root, Scenario& s)
{
  Reader r{c, s, {}};
  if (const yaml::Node* v = root->get("setup")) s.setup = r.steps(v, StepPlace::setup, "setup");
  if (const yaml::Node* v = root->get("hypothesis")) read_hypothesis(r, v);
  if (const yaml::Node* v = root->get("abortWhen")) s.abort_when = r.probes(v, ProbePlace::abort_when, "abortWhen");
  if (const yaml::Node* v = c.required(root, "steps", "a GameDay")) {
    s.steps = r.steps(v, StepPlace::method, "steps");
    if (v->is_sequence() && v->size() == 0) c.problem(v, "expected at least one step");
  }
  if (const yaml::Node* v = root->get("assert")) s.asserts = r.probes(v, ProbePlace::assertion, "assert");
  if (const yaml::Node* v = root->get("rollbacks")) s.rollbacks = r.steps(v, StepPlace::rollback, "rollbacks");
}

}  // namespace

LoadResult load_scenario_text(const std::string& path, const std::string& text)
{
  yaml::SourceFile file(path, text);
  yaml::Document doc = yaml::parse_single_document(file);
  LoadResult result;
  Checker c(path);
  result.scenario.path = path;
  result.scenario.dir = std::filesystem::absolute(std::filesystem::path(path)).parent_path().string();
  if (!c.mapping(doc.root, "the scenario")) {
    result.problems = std::move(c.problems());
    return result;
  }
  read_header(c, doc.root, result.scenario);
  if (const yaml::Node* v = doc.root->get("vars")) read_vars(c, v, result.scenario);
  if (const yaml::Node* v = doc.root->get("safety")) read_safety(c, v, result.scenario);
  if (const yaml::Node* v = doc.root->get("requires")) {
    result.scenario.requirements = read_requirements(c, v);
    check_references(c, v, ReferenceScope{&result.scenario.vars, {}});
  }
  read_body(c, doc.root, result.scenario);
  result.problems = std::move(c.problems());
  return result;
}

LoadResult load_scenario(const std::filesystem::path& path) { return load_scenario_text(path.string(), read_file(path)); }

Scenario load_valid_scenario(const std::filesystem::path& path)
{
  LoadResult result = load_scenario(path);
  if (result.problems.empty()) return std::move(result.scenario);
  std::string message = result.problems.front().str();
  for (size_t i = 1; i < result.problems.size(); ++i) message += "\n" + result.problems[i].str();
  throw InputError(message);
}

}  // namespace readyctl::gameday
