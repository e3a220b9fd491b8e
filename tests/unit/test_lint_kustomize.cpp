// Kustomize objects traced to their sources: findings name the file and line a reader edits, not the rendered stream.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "readyctl/io/process.hpp"
#include "readyctl/lint/engine.hpp"
#include "readyctl/lint/kustomize.hpp"
#include "readyctl/yaml/document.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

using Marks = std::set<std::tuple<std::string, int, std::string>>;  // file, line, rule

// Every `# expect: <rule>` line of the fixture's files.
Marks expected_marks(const fs::path& dir)
{
  Marks out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    for (auto& [line, id] : test::expect_marks(entry.path()))
      out.insert({entry.path().lexically_normal().string(), line, std::move(id)});
  }
  return out;
}

Marks marks_of(const std::vector<Finding>& findings)
{
  Marks out;
  for (const Finding& f : findings) out.insert({fs::path(f.location.file).lexically_normal().string(), f.location.line, f.rule});
  return out;
}

// Whether this kubectl's kustomize writes origin annotations (kustomize 4.5 and later; Debian 12's own
// kubernetes-client 1.20 bundles kustomize 2, where readyctl falls back to naming the rendered stream).
bool kustomize_writes_origins()
{
  test::TempDir dir;
  dir.write("kustomization.yaml", "resources: [cm.yaml]\nbuildMetadata: [originAnnotations]\n");
  dir.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: probe}\n");
  io::ProcessResult r = io::run_process({{"kubectl", "kustomize", dir.path().string()}, "", {}});
  return r.exit_code == 0 && r.out.find("config.kubernetes.io/origin") != std::string::npos;
}

const yaml::Node* at_path(const yaml::Node* root, std::initializer_list<std::string_view> keys) { return root->path(keys); }

const yaml::Node* item(const yaml::Node* sequence, size_t index)
{
  size_t i = 0;
  for (const yaml::Node* n : sequence->children())
    if (i++ == index) return n;
  return nullptr;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("kustomize: findings name the source file and line of each object, generators their kustomization entry")
  {
    if (!io::on_path("kubectl") || !kustomize_writes_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize tracing is not tested here");
      return;
    }
    const fs::path fixtures = test::source_dir() / "tests/kustomize";
    lint::LintOptions options;
    options.paths = {(fixtures / "overlay").string()};
    options.only = {"image-pinned", "secret-literal"};
    options.discover_config = false;
    lint::LintRun run = lint::run_lint(options);
    CHECK(marks_of(run.report.findings) == expected_marks(fixtures));
    // The comment in the base file suppresses, though kustomize dropped it from the rendered stream.
    REQUIRE(run.report.suppressed.size() == 1);
    CHECK(run.report.suppressed[0].location.line == 18);
    CHECK(run.report.suppressed[0].suppression_reason == "pinned by the release pipeline");
    // The overlay's `images:` moved the base's pinned tag to latest: the finding says its line shows the value before.
    int changed = 0;
    for (const Finding& f : run.report.findings) {
      const bool server = f.message.find("'server'") != std::string::npos;
      CHECK_MESSAGE((f.message.find("(the source has 'vllm/vllm-openai:v0.10.1' here; the kustomization changes it)") !=
                     std::string::npos) == server, f.message);
      CHECK_MESSAGE((f.message.find("(the source has") != std::string::npos) == server, f.message);
      changed += server;
    }
    CHECK(changed == 1);
    // Carets show the source line, secrets redacted.
    for (const Finding& f : run.report.findings) {
      CAPTURE(f.location.str());
      std::string line = run.report.source_line(f.location.file, f.location.line);
      CHECK(line.find("# expect: " + f.rule) != std::string::npos);
    }
  }

  TEST_CASE("kustomize: a rendered node maps to the same path in the source, as deep as the source has it")
  {
    // Rendered as kustomize writes it: keys sorted, a namespace added, a container added by a patch, items reordered.
    yaml::SourceFile rendered("rendered.yaml",
                              "apiVersion: apps/v1\n"                 // 1
                              "kind: Deployment\n"                    // 2
                              "metadata:\n"                           // 3
                              "  name: prod-web\n"                    // 4
                              "  namespace: team-a\n"                 // 5
                              "spec:\n"                               // 6
                              "  template:\n"                         // 7
                              "    spec:\n"                           // 8
                              "      containers:\n"                   // 9
                              "      - image: sidecar:1\n"            // 10
                              "        name: sidecar\n"               // 11
                              "      - image: web:latest\n"           // 12
                              "        name: web\n"                   // 13
                              "      volumes:\n"                      // 14
                              "      - name: a\n");                   // 15
    yaml::SourceFile source("source.yaml",
                            "apiVersion: apps/v1\n"                   // 1
                            "kind: Deployment\n"                      // 2
                            "metadata:\n"                             // 3
                            "  name: web\n"                           // 4
                            "spec:\n"                                 // 5
                            "  template:\n"                           // 6
                            "    spec:\n"                             // 7
                            "      volumes:\n"                        // 8
                            "        - name: a\n"                     // 9
                            "      containers:\n"                     // 10
                            "        - name: web\n"                   // 11
                            "          image: web:v1\n");             // 12
    yaml::ParsedFile r = yaml::parse_yaml(rendered);
    yaml::ParsedFile s = yaml::parse_yaml(source);
    REQUIRE(r.documents.size() == 1);
    REQUIRE(s.documents.size() == 1);
    const yaml::Node* rroot = r.documents[0].root;
    lint::Origin origin{&source, s.documents[0].root, false};
    auto line_of = [&](const yaml::Node* n) { return lint::origin_node(origin, rroot, n)->line(); };
    const yaml::Node* containers = at_path(rroot, {"spec", "template", "spec", "containers"});
    CHECK(line_of(item(containers, 1)->get("image")) == 12);          // matched by name, not by index
    CHECK(line_of(item(containers, 1)) == 11);
    CHECK(line_of(item(containers, 0)->get("image")) == 10);          // added by a patch: the list's key
    CHECK(line_of(at_path(rroot, {"metadata", "namespace"})) == 4);   // added field: its mapping (first key's line)
    CHECK(line_of(rroot->path({"metadata"})->key_node("name")) == 4); // a key node maps to the source's key
    CHECK(line_of(item(at_path(rroot, {"spec", "template", "spec", "volumes"}), 0)) == 9);  // matched by name
    CHECK(line_of(rroot) == 1);
    // Values the kustomization changed are told apart from fields it added.
    lint::Object object;
    object.root = rroot;
    object.origin = &origin;
    CHECK(lint::source_difference(object, item(containers, 1)->get("image")).was == std::optional<std::string_view>("web:v1"));
    CHECK(lint::source_difference(object, at_path(rroot, {"metadata", "name"})).was == std::optional<std::string_view>("web"));
    CHECK(!lint::source_difference(object, item(containers, 1)->get("name")).was);       // the same text
    CHECK(!lint::source_difference(object, item(containers, 0)->get("image")).was);      // added by a patch
    CHECK(!lint::source_difference(object, at_path(rroot, {"metadata", "namespace"})).was);  // added field
    CHECK(lint::source_difference(object, item(containers, 0)->get("image")).added);
    CHECK(lint::source_difference(object, at_path(rroot, {"metadata", "namespace"})).added);
    CHECK_FALSE(lint::source_difference(object, item(containers, 1)->get("image")).added);
    // A node that is not in the rendered object, and a generated object, map to the origin's root.
    CHECK(line_of(s.documents[0].root->get("spec")) == 1);
    lint::Origin generated{&source, s.documents[0].root->get("spec"), true};
    CHECK(lint::origin_node(generated, rroot, containers)->line() == 6);
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("kustomize: a render refused only for a file outside the kustomization is retried without the restriction")
  {
    if (!io::on_path("kubectl") || !kustomize_writes_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize tracing is not tested here");
      return;
    }
    // Shaped like kserve/modelmesh-serving: config/runtimes uses config/default/metadataLabelTransformer.yaml.
    test::TempDir dir;
    dir.write("default/labels.yaml", "apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: labels}\n"
                                     "labels: {app.kubernetes.io/managed-by: modelmesh-controller}\n"
                                     "fieldSpecs: [{path: metadata/labels, create: true}]\n");
    dir.write("runtimes/kustomization.yaml", "resources: [deploy.yaml]\ntransformers: [../default/labels.yaml]\n");
    dir.write("runtimes/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: runtime, namespace: mm}\n"
                                      "spec:\n  selector: {matchLabels: {app: runtime}}\n  template:\n"
                                      "    metadata: {labels: {app: runtime}}\n    spec:\n      containers:\n"
                                      "        - name: server\n          image: ghcr.io/acme/server:1.0.0\n"
                                      "          securityContext: {privileged: true}\n");
    lint::LintOptions options;
    options.paths = {(dir / "runtimes").string()};
    options.only = {"privileged"};
    options.discover_config = false;
    const lint::LintRun run = lint::run_lint(options);
    CHECK_FALSE(run.input_errors);
    REQUIRE(run.report.findings.size() == 1);
    CHECK(run.report.findings[0].rule == "privileged");
    CHECK(run.report.findings[0].location.file.ends_with("runtimes/deploy.yaml"));
  }
}
