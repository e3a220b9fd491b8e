#include "readyctl/lint/manifest_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/huge_heap.hpp"
#include "readyctl/core/parallel.hpp"
#include "readyctl/io/process.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/lint/alternative_files.hpp"
#include "readyctl/lint/deployment_units.hpp"
#include "readyctl/lint/kustomization_refs.hpp"
#include "readyctl/lint/kustomize.hpp"
#include "readyctl/lint/render_error_location.hpp"
#include "readyctl/lint/unrendered.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

Finding parse_error(std::string file, int line, int column, std::string message)
{
  return {"parse-error", Severity::error, std::move(message), {std::move(file), line, column}, std::nullopt,
          "Fix the syntax at this position; the rest of the inputs were still linted.", {}, {}};
}

bool is_manifest_file(const fs::path& p)
{
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool is_kustomize_dir(const fs::path& dir) { return !kustomization_file(dir).empty(); }

// Helm `# Source: chart/templates/x.yaml` before a document names the chart file the object was rendered from. A
// render read from a file keeps its findings in that file (the chart file is named beside them: code scanning and
// editors can only open files that exist); a render on stdin has no file, so its findings name the chart file.
void apply_helm_source(const yaml::SourceFile& file, const yaml::Document& doc, Object& object, bool maps_display)
{
  for (int n = object.root->line(); n >= doc.start_line && n >= 1; --n) {
    std::string_view line = trim(file.line(n));
    if (!line.starts_with("# Source: ")) continue;
    object.helm_source = trim(line.substr(10));
    object.helm_line_delta = n;
    if (maps_display) {
      object.display_file = std::string(object.helm_source);
      object.line_delta = n;
    }
    return;
  }
}

// The set's one copy of `text` (see ManifestSet::identity_text).
std::string_view identity_view(ManifestSet& set, std::string_view text)
{
  auto it = set.identity_text.find(text);
  if (it == set.identity_text.end()) it = set.identity_text.emplace(text).first;
  return *it;
}

void add_object(ManifestSet& set, const yaml::SourceFile& file, const yaml::Document& doc, const yaml::Node* root,
                bool helm, bool helm_maps_display)
{
  Object o;
  o.root = root;
  o.file = &file;
  o.display_file = file.path();
  o.api_version = root->str_at("apiVersion");
  o.kind = root->str_at("kind");
  o.metadata = root->get("metadata");
  o.spec = root->get("spec");
  if (o.metadata && o.metadata->is_mapping()) {
    o.name = o.metadata->str_at("name");
    o.ns = o.metadata->str_at("namespace");
  } else {
    o.metadata = nullptr;
  }
  o.api_version = identity_view(set, o.api_version);
  o.kind = identity_view(set, o.kind);
  o.ns = identity_view(set, o.ns);
  set_api_identity(o);
  if (helm) apply_helm_source(file, doc, o, helm_maps_display);
  set.objects.push_back(std::move(o));
}

// kustomize lets a kustomization leave out apiVersion and kind: it is read as the Kustomization it is.
void add_kindless_kustomization(ManifestSet& set, const yaml::SourceFile& file, const yaml::Document& doc,
                                const yaml::Node* root)
{
  add_object(set, file, doc, root, false, false);
  Object& o = set.objects.back();
  o.api_version = identity_view(set, "kustomize.config.k8s.io/v1beta1");
  o.kind = identity_view(set, "Kustomization");
  set_api_identity(o);
}

// `helm`: the file has `# Source:` comments (looked up once per file, not once per object).
void collect_objects(ManifestSet& set, const yaml::SourceFile& file, const yaml::Document& doc, const yaml::Node* root,
                     bool helm, bool helm_maps_display)
{
  if (!root || !root->is_mapping()) return;
  std::string_view kind = root->str_at("kind");
  std::string_view api = root->str_at("apiVersion");
  if (kind.empty() && api.empty()) {  // not a Kubernetes object (values file, package.json, ...)
    if (is_kustomization_file(file.path())) add_kindless_kustomization(set, file, doc, root);
    return;
  }
  if (kind.empty() || api.empty()) {
    // A Helm repository index or a Chart.yaml (apiVersion, no kind, no metadata) is some other tool's file; an
    // object with metadata and a missing half of its type is a broken manifest.
    if (!root->get("metadata")) return;
    // operator-sdk's bundle/tests/scorecard/config.yaml, in every operator-sdk repository, spells it `apiversion`.
    if (api.empty() && root->str_at("apiversion").starts_with("scorecard.operatorframework.io/")) return;
    set.parse_errors.push_back(parse_error(file.path(), root->line(), root->column(),
                                           "expected both 'apiVersion' and 'kind' in a Kubernetes object"));
    return;
  }
  // A Kustomization read as a plain file stays an object, for image-pinned to read its `images:` (rule kinds keep
  // it from the others); kustomize's other kinds (Component) are not linted.
  if (api.starts_with("kustomize.config.k8s.io/") && kind != "Kustomization") return;
  if (const yaml::Node* items = list_items(root)) {
    for (const yaml::Node* item : items->children()) collect_objects(set, file, doc, item, helm, helm_maps_display);
    return;
  }
  add_object(set, file, doc, root, helm, helm_maps_display);
}

// One input file: a path still to read, or text already in hand (stdin, kustomize output with what maps its objects
// to their sources), and the deployment unit it belongs to.
struct Input {
  std::string path;
  std::optional<std::string> text;
  std::shared_ptr<const KustomizeRender> render;
  size_t unit = 0;
  bool helm_maps_display = false;  // stdin: a Helm render's findings name its chart files (no file to point at)
  bool walked = false;             // met by a directory walk, not named by the user
  bool beside_kustomization = false;  // a plain file in a kustomization's directory (or a directory of it) that it does not list
};

// An input read and parsed, or the error that kept it from being read.
struct ParsedInput {
  std::optional<yaml::SourceFile> file;
  yaml::ParsedFile parsed;
  std::optional<Finding> read_error;
  std::shared_ptr<const KustomizeRender> render;
  bool helm_maps_display = false;
  bool walked = false;
  bool beside_kustomization = false;
};

void walk(Walk& out, const fs::path& path, const LoadOptions& options, bool explicit_path);

// Dependencies vendored with the code are other projects' files, their test fixtures included: Go's `vendor/`
// (it holds modules.txt) and npm's node_modules/. The walk does not enter them; named on the command line they are
// linted.
bool vendored_dependencies(const fs::path& dir)
{
  const std::string name = dir.filename().string();
  std::error_code ec;
  return name == "node_modules" || (name == "vendor" && fs::is_regular_file(dir / "modules.txt", ec));
}

void walk_directory(Walk& out, const fs::path& dir, const LoadOptions& options)
{
  if (is_helm_chart_dir(dir)) {
    out.helm_charts.push_back(dir);
    return;
  }
  if (options.kustomize && is_kustomize_dir(dir)) out.kustomizations.push_back(dir);
  std::vector<fs::path> entries;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec))
    entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    std::string name = p.filename().string();
    if (name.starts_with(".")) continue;
    if (fs::is_symlink(fs::symlink_status(p, ec)) && fs::is_directory(p, ec)) continue;  // no symlink loops
    if (vendored_dependencies(p)) continue;
    walk(out, p, options, false);
  }
}

std::string read_stdin(std::istream& in)
{
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > k_max_manifest_bytes)
      throw InputError(fmt::format("<stdin>: larger than {} MiB, the most readyctl reads from one file",
                                   k_max_manifest_bytes / (1024 * 1024)));
  }
  return text;
}

void walk(Walk& out, const fs::path& path, const LoadOptions& options, bool explicit_path)
{
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (fs::is_directory(st)) {
    walk_directory(out, path, options);
    return;
  }
  if (explicit_path || (fs::is_regular_file(st) && is_manifest_file(path))) out.files.push_back({path, explicit_path});
  if (fs::is_regular_file(st) && is_dapr_run_file(path)) out.dapr_run_files.push_back(path);
}

ParsedInput parse_input(std::string path, std::string text, BlockPool& pool)
{
  ParsedInput out;
  out.file.emplace(std::move(path), std::move(text));
  out.parsed = yaml::parse_yaml(*out.file, {}, &pool);
  return out;
}

ParsedInput read_and_parse(Input& input, BlockPool& pool)
{
  if (input.text) {
    ParsedInput out = parse_input(std::move(input.path), std::move(*input.text), pool);
    out.render = std::move(input.render);
    out.helm_maps_display = input.helm_maps_display;
    return out;
  }
  try {
    ParsedInput out = parse_input(input.path, read_file(input.path, k_max_manifest_bytes), pool);
    out.walked = input.walked;
    out.beside_kustomization = input.beside_kustomization;
    return out;
  } catch (const InputError& e) {
    ParsedInput out;
    out.read_error = parse_error(input.path, 0, 0, e.what());
    return out;
  }
}

// What a file added to the set from these positions on (its errors, objects and documents).
struct Added {
  size_t errors;
  size_t objects;
  size_t documents;
};

void drop_added(ManifestSet& set, const Added& from)
{
  set.parse_errors.erase(set.parse_errors.begin() + static_cast<std::ptrdiff_t>(from.errors), set.parse_errors.end());
  set.objects.erase(set.objects.begin() + static_cast<std::ptrdiff_t>(from.objects), set.objects.end());
  set.documents.erase(set.documents.begin() + static_cast<std::ptrdiff_t>(from.documents), set.documents.end());
}

// A file met by the walk that does not parse and never writes `apiVersion` or `kind` is some other tool's file
// (a tsconfig.json with comments, a broken CI workflow): no manifest is written without both keys. A kustomization
// may leave them out, and is never taken for another tool's file.
bool other_tools_file(const ParsedInput& input, const yaml::SourceFile& file)
{
  if (!input.walked || input.parsed.errors.empty() || is_kustomization_file(file.path())) return false;
  return file.text().find("apiVersion") == std::string::npos || file.text().find("kind") == std::string::npos;
}

// A file that did not read as manifests: a walked file that is not about Kubernetes at all is dropped silently, also
// when it quotes template actions of its own (an Alertmanager config's `{{ template "slack.title" . }}`); a
// template (Go template actions) is dropped for one note (lint/unrendered.hpp).
void drop_if_not_manifests(ManifestSet& set, const ParsedInput& input, const yaml::SourceFile& file, const Added& from)
{
  if (other_tools_file(input, file)) {
    drop_added(set, from);
  } else if (std::optional<Finding> note = unrendered_file(file)) {
    drop_added(set, from);
    set.unrendered.push_back(std::move(*note));
  }
}

// A mapping key that is itself a collection: no Kubernetes object has one (JSON cannot write it), but a Go template
// action left unquoted parses so (`name: {{.Name}}` is a flow mapping keyed by a flow mapping: clusterloader2's
// templates in KubeRay's benchmark/perf-tests).
bool has_collection_key(const yaml::Node* n)
{
  if (n->is_mapping()) {
    for (auto [key, value] : n->entries())
      if (!key->is_scalar() || has_collection_key(value)) return true;
  } else if (n->is_sequence()) {
    for (const yaml::Node* c : n->children())
      if (has_collection_key(c)) return true;
  }
  return false;
}

// A file that parsed, but only because its template actions read as YAML collections.
bool parsed_template(const ManifestSet& set, const yaml::SourceFile& file, size_t first_document)
{
  if (file.text().find("{{") == std::string::npos) return false;
  for (size_t i = first_document; i < set.documents.size(); ++i)
    if (set.documents[i].root && has_collection_key(set.documents[i].root)) return true;
  return false;
}

// A strategic-merge patch left beside a kustomization that does not list it (kubebuilder scaffolds
// config/default/manager_config_patch.yaml and webhookcainjection_patch.yaml, then comments them out; KServe's
// version-template overlay keeps image patches its setup script uncomments): an apps/v1 workload with no selector,
// or a webhook configuration with no webhooks, is no object the API server accepts or that does anything, and the
// rendered object it would patch is linted.
bool is_patch_stub(const Object& o)
{
  if (o.group == "admissionregistration.k8s.io" && o.kind.ends_with("WebhookConfiguration"))
    return !o.root->get("webhooks");
  // apps/v1 requires the selector (the beta versions defaulted it from the template's labels).
  return o.spec && !o.spec->get("selector") && o.root->str_at("apiVersion") == "apps/v1";
}

// Anywhere a walk meets it, and in a kustomization's output, a patch stub or a Pod whose containers do not all name an
// image is a patch: for `kubectl patch --patch-file` (Envoy Gateway's test/e2e/remote_infra/sidecar-patch.yaml adds a
// sidecar to the chart's Deployment), for kubeadm's `--patches` directory (kube-prometheus' kind setup patches the
// static kube-controller-manager Pod), or listed as a resource and applied over a running Deployment (Kuadrant's
// config/observability/tracing/*-operator-patch.yaml). The API server takes no container without an image, and what
// such a file patches is linted where it is defined.
bool is_patch_file(const Object& o)
{
  const bool pod = o.kind == "Pod" && o.group.empty();
  if ((!pod && !is_patch_stub(o)) || !o.spec) return false;
  const yaml::Node* containers = pod ? o.spec->get("containers") : o.spec->path({"template", "spec", "containers"});
  if (!containers || !containers->is_sequence()) return false;
  for (const yaml::Node* c : containers->children())
    if (c->is_mapping() && c->str_at("image").empty()) return true;
  return false;
}

void drop_patches(ManifestSet& set, size_t first, bool beside_kustomization)
{
  const auto from = set.objects.begin() + static_cast<std::ptrdiff_t>(first);
  set.objects.erase(std::remove_if(from, set.objects.end(),
                                   [&](const Object& o) { return beside_kustomization ? is_patch_stub(o) : is_patch_file(o); }),
                    set.objects.end());
}

void add_parsed(ManifestSet& set, ParsedInput input)
{
  if (input.read_error) {
    set.parse_errors.push_back(std::move(*input.read_error));
    return;
  }
  const yaml::SourceFile& file = set.files.emplace_back(std::move(*input.file));
  const Added added{set.parse_errors.size(), set.objects.size(), set.documents.size()};
  for (const yaml::ParseError& e : input.parsed.errors)
    set.parse_errors.push_back(parse_error(file.path(), e.line, e.column, e.message));
  const bool helm = file.text().find("# Source: ") != std::string::npos;
  for (yaml::Document& doc : input.parsed.documents) {
    collect_objects(set, file, doc, doc.root, helm, input.helm_maps_display);
    set.documents.push_back(std::move(doc));
  }
  if (!input.render && (set.parse_errors.size() > added.errors || parsed_template(set, file, added.documents)))
    drop_if_not_manifests(set, input, file, added);
  // A file named on the command line is linted whatever it holds.
  if (input.render || input.beside_kustomization || input.walked)
    drop_patches(set, added.objects, !input.render && input.beside_kustomization);
  if (input.render) map_origins(set, added.objects, *input.render);
}

// Trees, objects and the report take about six bytes of heap per byte of YAML, besides the node pool.
void reserve_for(const std::vector<Input>& inputs)
{
  size_t bytes = 0;
  for (const Input& input : inputs) {
    std::error_code ec;
    size_t size = input.text ? input.text->size() : static_cast<size_t>(fs::file_size(input.path, ec));
    if (!ec) bytes += size;
  }
  reserve_huge_heap(bytes * 6);
}

// Each object's directory, worked out once per file (a file's objects come one after another).
class Directories {
public:
  const std::string& of(const Object& o)
  {
    if (o.file != m_file) {
      m_file = o.file;
      m_dir = fs::path(o.file->path()).parent_path().string();
      if (m_dir.empty()) m_dir = ".";
    }
    return m_dir;
  }

private:
  const yaml::SourceFile* m_file = nullptr;
  std::string m_dir;
};

// The one namespace the namespaced objects of each directory state, where they state exactly one.
std::map<std::string, std::string_view> stated_namespaces(const ManifestSet& set, const Unit& unit)
{
  std::map<std::string, std::set<std::string_view>> seen;
  Directories dirs;
  const yaml::SourceFile* file = nullptr;
  std::set<std::string_view>* here = nullptr;
  for (size_t i = unit.first; i < unit.last; ++i) {
    const Object& o = set.objects[i];
    if (o.ns.empty() || is_cluster_scoped_kind(o.kind)) continue;
    if (o.file != file) {
      file = o.file;
      here = &seen[dirs.of(o)];
    }
    here->insert(o.ns);
  }
  std::map<std::string, std::string_view> out;
  for (const auto& [dir, namespaces] : seen)
    if (namespaces.size() == 1) out.emplace(dir, *namespaces.begin());
  return out;
}

// The scope cross-resource rules group by (Object::scope): the namespace. A namespace-less object of a namespaced
// kind among plain files takes the one namespace the files beside it state (applied together, it lands there), else
// its directory: files side by side are one application, unrelated directories of a repository are not. The other
// units' namespace-less objects share one scope per unit.
void set_scopes(ManifestSet& set, const Unit& unit)
{
  std::map<std::string, std::string_view> stated;
  if (unit.kind == UnitKind::plain_files) stated = stated_namespaces(set, unit);
  Directories dirs;
  for (size_t i = unit.first; i < unit.last; ++i) {
    Object& o = set.objects[i];
    o.scope = o.ns;
    if (unit.kind != UnitKind::plain_files || !o.ns.empty() || is_cluster_scoped_kind(o.kind)) continue;
    const std::string& dir = dirs.of(o);
    if (auto it = stated.find(dir); it != stated.end()) o.scope = it->second;
    else o.scope = identity_view(set, fmt::format("{}{}/", k_directory_scope_mark, dir));
  }
}

// Files are read and parsed on two threads (the loader is most of a lint run), then added in input order (units in
// order, each in walk order), so objects, findings and their order do not depend on which thread finished first.
void load_inputs(ManifestSet& set, std::vector<Input>& inputs)
{
  reserve_for(inputs);
  std::vector<ParsedInput> parsed(inputs.size());
  parallel_for(inputs.size(), [&](size_t i) { parsed[i] = read_and_parse(inputs[i], *set.pool); }, 2);
  // One object per document in the common case: growing the vectors by doubling would copy them into fresh memory.
  size_t documents = 0;
  for (const ParsedInput& p : parsed) documents += p.parsed.documents.size();
  set.objects.reserve(set.objects.size() + documents);
  set.documents.reserve(set.documents.size() + documents);
  for (size_t i = 0; i < parsed.size(); ++i) {
    Unit& unit = set.units[inputs[i].unit];
    if (unit.first == unit.last) unit.first = unit.last = set.objects.size();
    add_parsed(set, std::move(parsed[i]));
    unit.last = set.objects.size();
  }
  split_alternative_files(set);
  for (const Unit& unit : set.units) set_scopes(set, unit);
}

fs::path canonical_dir(const fs::path& dir)
{
  std::error_code ec;
  fs::path c = fs::weakly_canonical(dir, ec);
  return ec ? dir : c;
}

// The kustomizations a root that failed to render includes from disk and no rendered root reaches, named as the
// user named the root. A Component holds patches for the kustomization that includes it and is not rendered alone.
std::vector<fs::path> orphaned_bases(const fs::path& failed, const std::set<fs::path>& covered)
{
  std::vector<fs::path> out;
  const fs::path root = canonical_dir(failed);
  for (const fs::path& dir : read_kustomization_refs(root).dirs)
    if (!covered.contains(dir) && !kustomization_file(dir).empty() && !read_kustomization_refs(dir).component)
      out.push_back((failed / dir.lexically_relative(root)).lexically_normal());
  return out;
}

struct Rendered {
  fs::path dir;
  std::shared_ptr<KustomizeRender> render;
};

std::vector<Rendered> render_all(const std::vector<fs::path>& dirs)
{
  std::vector<Rendered> out(dirs.size());
  parallel_for(dirs.size(), [&](size_t i) { out[i] = {dirs[i], std::make_shared<KustomizeRender>(render_kustomization(dirs[i]))}; }, 2);
  return out;
}

// A rendered kustomization and every kustomization it includes are linted: no fallback renders them again.
void cover_rendered(std::set<fs::path>& covered, const fs::path& dir)
{
  for (const fs::path& d : reachable_kustomization_refs({canonical_dir(dir)}).dirs) covered.insert(d);
}

void add_render(std::vector<Input>& inputs, Rendered& r, size_t unit)
{
  std::string text = std::move(r.render->text);
  inputs.push_back({kustomization_file(r.dir).string() + " (rendered by kubectl kustomize)", std::move(text), r.render, unit});
}

// The local bases of a root that failed, rendered one by one (and theirs, where one fails too) and linted together
// as one unit, as the root would have applied them: a manager in base/manager meets its ServiceAccount in
// base/rbac; so a remote base that cannot be fetched (offline CI) or one broken overlay does not leave the bases
// below it unlinted. `linted` and `failed` receive the kustomizations rendered and those that failed too.
void add_orphaned_bases(ManifestSet& set, std::vector<Input>& inputs, const fs::path& root, std::set<fs::path>& covered,
                        std::vector<std::string>& linted, std::vector<std::string>& failed)
{
  std::vector<fs::path> todo = orphaned_bases(root, covered);
  std::optional<size_t> unit;
  while (!todo.empty()) {
    for (const fs::path& d : todo) covered.insert(canonical_dir(d));
    std::vector<Rendered> renders = render_all(todo);
    todo.clear();
    for (Rendered& r : renders) {
      if (!r.render->ok) {
        failed.push_back(r.dir.string());
        for (fs::path& b : orphaned_bases(r.dir, covered)) {
          covered.insert(canonical_dir(b));
          todo.push_back(std::move(b));
        }
        continue;
      }
      cover_rendered(covered, r.dir);
      if (!unit) {
        set.units.push_back({fmt::format("{} (its local bases)", root.lexically_normal().string()), UnitKind::kustomization});
        unit = set.units.size() - 1;
      }
      linted.push_back(r.dir.string());
      add_render(inputs, r, *unit);
    }
  }
}

std::string list_paths(const std::vector<std::string>& paths)
{
  std::string out;
  for (const std::string& p : paths) out += fmt::format("{}{}", out.empty() ? "" : ", ", p);
  return out;
}

// Every root renders on its own (kubectl per root, two at a time); a failed render is a parse error at its
// kustomization, and the local kustomizations it includes that nothing rendered reaches are linted in its place.
void add_kustomize_units(ManifestSet& set, std::vector<Input>& inputs, const std::vector<fs::path>& roots)
{
  std::set<fs::path> covered;  // weakly canonical: roots tried, and every kustomization a rendered root includes
  for (const fs::path& root : roots) covered.insert(canonical_dir(root));
  std::vector<Rendered> renders = render_all(roots);
  for (const Rendered& r : renders)
    if (r.render->ok) cover_rendered(covered, r.dir);
  for (Rendered& r : renders) {
    if (r.render->ok) {
      set.units.push_back({r.dir.lexically_normal().string(), UnitKind::kustomization});
      add_render(inputs, r, set.units.size() - 1);
      continue;
    }
    std::vector<std::string> linted, failed;
    add_orphaned_bases(set, inputs, r.dir, covered, linted, failed);
    std::string also;
    if (!linted.empty())
      also += fmt::format(" (the kustomizations it includes from disk are linted together in its place: {}",
                          list_paths(linted));
    if (!failed.empty())
      also += fmt::format("{}{} could not be rendered either", also.empty() ? " (" : "; ", list_paths(failed));
    if (!also.empty()) also += ")";
    RenderErrorLocation at = render_error_location(r.dir, r.render->error);
    set.parse_errors.push_back(parse_error(std::move(at.file), at.line, at.column,
                                           fmt::format("kubectl kustomize failed: {}{}", r.render->error, also)));
  }
}

}  // namespace

const yaml::Node* list_items(const yaml::Node* root)
{
  const yaml::Node* items = root->get("items");
  return items && items->is_sequence() && root->str_at("kind").ends_with("List") ? items : nullptr;
}

void add_manifest_text(ManifestSet& set, std::string path, std::string text)
{
  ParsedInput parsed = parse_input(std::move(path), std::move(text), *set.pool);
  if (set.units.empty()) set.units.push_back({"", UnitKind::plain_files});
  Unit& unit = set.units.back();
  if (unit.first == unit.last) unit.first = unit.last = set.objects.size();
  add_parsed(set, std::move(parsed));
  unit.last = set.objects.size();
  set_scopes(set, unit);
}

ManifestSet load_manifests(const std::vector<std::string>& paths, const LoadOptions& options)
{
  ManifestSet set;
  Walk walked;
  std::optional<std::string> stdin_text;
  LoadOptions walk_options = options;
  walk_options.kustomize = options.kustomize && io::on_path("kubectl");
  for (const std::string& p : paths) {
    if (p == "-") {
      if (!options.in) throw InputError("-: no standard input available");
      stdin_text = read_stdin(*options.in);
      continue;
    }
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(p, ec)))
      throw InputError(fmt::format("{}: no such file or directory", p));
    walk(walked, p, walk_options, true);
  }
  for (const fs::path& chart : walked.helm_charts) set.unrendered.push_back(unrendered_chart(chart));
  const UnitPlan plan = plan_units(walked);
  std::vector<Input> inputs;
  if (!plan.plain_files.empty()) set.units.push_back({"", UnitKind::plain_files});
  std::set<fs::path> named;
  for (const WalkedFile& f : walked.files)
    if (f.explicit_path) named.insert(f.path);
  std::set<fs::path> kustomization_dirs;
  for (const fs::path& dir : walked.kustomizations) kustomization_dirs.insert(dir.lexically_normal());
  // Beside a kustomization, or in a directory of one (its `patches/`).
  auto near_kustomization = [&](const fs::path& f) {
    const fs::path dir = f.parent_path().lexically_normal();
    return kustomization_dirs.contains(dir) || kustomization_dirs.contains(dir.parent_path());
  };
  for (const fs::path& f : plan.plain_files)
    inputs.push_back({f.string(), {}, nullptr, 0, false, !named.contains(f), near_kustomization(f)});
  if (stdin_text) {
    set.units.push_back({"<stdin>", UnitKind::stdin_stream});
    inputs.push_back({"<stdin>", std::move(*stdin_text), nullptr, set.units.size() - 1, true});
  }
  add_kustomize_units(set, inputs, plan.kustomize_roots);
  load_inputs(set, inputs);
  return set;
}

}  // namespace readyctl::lint
