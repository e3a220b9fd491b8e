// Helm charts and Go-templated files are not manifests until rendered (rule unrendered-template,
// tests/units/templates/README.md): each is reported once as a note, none of their YAML errors is, and the
// manifests beside them are linted as usual.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <tuple>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

const fs::path& templates()
{
  static const fs::path path = test::source_dir() / "tests/units/templates";
  return path;
}

lint::LintRun lint_paths(std::vector<std::string> paths, std::vector<std::string> disable = {})
{
  lint::LintOptions options;
  options.paths = std::move(paths);
  options.disable = std::move(disable);
  options.discover_config = false;
  options.kustomize = false;
  options.today = "2026-12-07";
  return lint::run_lint(options);
}

using Key = std::tuple<std::string, int, int, std::string>;  // file relative to the fixture root, line, column, rule

std::set<Key> keys(const lint::LintRun& run, const fs::path& root)
{
  std::set<Key> out;
  for (const Finding& f : run.report.findings)
    out.insert({fs::path(f.location.file).lexically_relative(root).string(), f.location.line, f.location.column, f.rule});
  return out;
}

std::set<Key> of_rule(const std::set<Key>& all, const std::string& rule)
{
  std::set<Key> out;
  for (const Key& k : all)
    if (std::get<3>(k) == rule) out.insert(k);
  return out;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("unrendered: a chart and two operator templates are one note each; the manifests beside them are linted")
  {
    const lint::LintRun run = lint_paths({templates().string()});
    const std::set<Key> all = keys(run, templates());
    // Chart.yaml's first line; each template's first `{{`, after `apiVersion: ` (12 characters).
    const std::set<Key> notes = {{"charts/models/Chart.yaml", 1, 1, "unrendered-template"},
                                 {"operator-assets/0400_deviceclass-gpu.yaml", 1, 13, "unrendered-template"},
                                 {"operator-assets/0400_resourceclaimtemplate.yaml", 1, 13, "unrendered-template"}};
    CHECK(of_rule(all, "unrendered-template") == notes);
    CHECK(of_rule(all, "parse-error").empty());
    CHECK_FALSE(run.input_errors);
    for (const Key& k : all) {
      CAPTURE(std::get<0>(k));
      const bool template_file = std::get<0>(k).starts_with("charts/") || std::get<0>(k).starts_with("operator-assets/");
      CHECK((!template_file || std::get<3>(k) == "unrendered-template"));
      CHECK(std::get<0>(k) != "index.yaml");  // a Helm repository index: apiVersion, no kind, no metadata
    }
    // app/deployment.yaml line 19 is `privileged: true`; app/alerts.yaml's `{{ $value }}` parses and is linted.
    CHECK(all.contains({"app/deployment.yaml", 19, 25, "privileged"}));
    CHECK(run.report.summary.objects == 2);
  }

  TEST_CASE("unrendered: a template named on the command line is a note too, and the note can be turned off")
  {
    const fs::path file = templates() / "charts/models/templates/models.yaml";  // line 1: `{{- range $name, ...`
    const std::set<Key> named = keys(lint_paths({file.string()}), templates());
    CHECK(named == std::set<Key>{{"charts/models/templates/models.yaml", 1, 1, "unrendered-template"}});
    const lint::LintRun off = lint_paths({templates().string()}, {"unrendered-template"});
    CHECK(of_rule(keys(off, templates()), "unrendered-template").empty());
    CHECK(of_rule(keys(off, templates()), "parse-error").empty());
    CHECK(keys(off, templates()).contains({"app/deployment.yaml", 19, 25, "privileged"}));
  }

  TEST_CASE("unrendered: YAML errors without template actions, and objects missing half their type, stay errors")
  {
    test::TempDir dir;
    dir.write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {app: web\n");
    dir.write("kindless.yaml", "apiVersion: apps/v1\nmetadata:\n  name: web\nspec: {}\n");
    dir.write("index.yaml", "apiVersion: v1\nentries: {}\ngenerated: \"2026-01-01T00:00:00Z\"\n");
    // operator-sdk's bundle/tests/scorecard/config.yaml (NVIDIA/gpu-operator's, abridged).
    dir.write("scorecard.yaml", "kind: Configuration\napiversion: scorecard.operatorframework.io/v1alpha3\n"
                                "metadata:\n  name: config\nstages:\n- parallel: true\n  tests: []\n");
    const std::set<Key> all = keys(lint_paths({dir.path().string()}), dir.path());
    CHECK(of_rule(all, "unrendered-template").empty());
    const std::set<Key> errors = of_rule(all, "parse-error");
    REQUIRE(errors.size() == 2);
    CHECK(std::get<0>(*errors.begin()) == "broken.yaml");
    CHECK(*std::next(errors.begin()) == Key{"kindless.yaml", 1, 1, "parse-error"});
  }

  TEST_CASE("unrendered: a walked file that does not parse and names no apiVersion or kind is not a manifest")
  {
    test::TempDir dir;
    // A TypeScript config: JSON with comments, which YAML does not read; it writes neither key.
    dir.write("tsconfig.json", "{\n  // the compiler's options\n  \"compilerOptions\": {\"strict\": true}\n}\n");
    CHECK(keys(lint_paths({dir.path().string()}), dir.path()).empty());
    const std::set<Key> named = keys(lint_paths({(dir / "tsconfig.json").string()}), dir.path());
    REQUIRE(named.size() == 1);
    CHECK(std::get<3>(*named.begin()) == "parse-error");
    // kube-prometheus' examples/alertmanager-config-with-template.yaml: an Alertmanager config (no apiVersion, no
    // kind) quoting notification templates Alertmanager evaluates when it sends, mis-indented: no template note.
    dir.write("alertmanager-config.yaml", "global:\n  resolve_timeout: 5m\nreceivers:\n- name: slack\n  slack_configs:\n"
                                          "  - title: '{{ template \"slack.title\" . }}'\n   text: broken indent\n");
    CHECK(keys(lint_paths({dir.path().string()}), dir.path()).empty());
  }

  TEST_CASE("unrendered: a library chart's note says it is rendered by the charts that depend on it")
  {
    // llm-d's config/charts/epplib: `helm template` refuses a library chart.
    test::TempDir dir;
    dir.write("charts/epplib/Chart.yaml", "apiVersion: v2\nname: epplib\ntype: library\nversion: 0.1.0\n");
    dir.write("charts/epplib/templates/_deployment.tpl", "{{- define \"epplib.deployment\" -}}\n{{- end }}\n");
    const lint::LintRun run = lint_paths({dir.path().string()});
    REQUIRE(run.report.findings.size() == 1);
    CHECK(run.report.findings[0].message.starts_with("Helm library chart"));
    CHECK(run.report.findings[0].remediation.str().find("that depend on it") != std::string::npos);
  }

  TEST_CASE("unrendered: a chart whose Chart.yaml the build writes from Chart-template.yaml is one note")
  {
    // kagent's helm/kagent: Chart-template.yaml (envsubst'd into Chart.yaml by the Makefile), values.yaml, templates/.
    test::TempDir dir;
    dir.write("helm/kagent/Chart-template.yaml", "apiVersion: v2\nname: kagent\nversion: ${VERSION}\n");
    dir.write("helm/kagent/values.yaml", "replicaCount: 1\n");
    dir.write("helm/kagent/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                                       "  name: {{ include \"kagent.fullname\" . }}\n"
                                                       "{{- if .Values.x }}\n  labels: {}\n{{- end }}\n");
    // values.yaml and templates/ without a Chart*.yaml are not a chart: the directory is walked.
    dir.write("config/values.yaml", "a: 1\n");
    dir.write("config/templates/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: t}\nspec:\n"
                                           "  containers:\n    - name: c\n      image: nginx:1.27\n"
                                           "      securityContext: {privileged: true}\n");
    const std::set<Key> all = keys(lint_paths({dir.path().string()}), dir.path());
    CHECK(of_rule(all, "unrendered-template") ==
          std::set<Key>{{"helm/kagent/Chart-template.yaml", 1, 1, "unrendered-template"}});
    CHECK_FALSE(of_rule(all, "privileged").empty());
  }

  TEST_CASE("walk: Go's vendor/ (with modules.txt) and node_modules/ are not entered; a vendor/ of manifests is")
  {
    test::TempDir dir;
    const std::string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team-a\nspec:\n"
                            "  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: {privileged: true}\n";
    // knative's vendor/k8s.io/apimachinery/.../managedfields/testdata: a live-object dump of another project.
    dir.write("go/vendor/modules.txt", "# k8s.io/apimachinery v0.34.0\n");
    dir.write("go/vendor/k8s.io/apimachinery/testdata/pod.yaml", pod);
    dir.write("web/node_modules/chart/pod.yaml", pod);
    dir.write("deploy/vendor/pod.yaml", pod);  // no modules.txt: a directory of manifests that happens to be named so
    std::set<std::string> files;
    for (const Key& k : keys(lint_paths({dir.path().string()}), dir.path())) files.insert(std::get<0>(k));
    CHECK(files == std::set<std::string>{"deploy/vendor/pod.yaml"});
    CHECK_FALSE(keys(lint_paths({(dir / "go/vendor/k8s.io").string()}), dir.path()).empty());
  }

  TEST_CASE("unrendered: unquoted actions that parse as flow mappings make a template, not objects with empty names")
  {
    test::TempDir dir;
    // Shaped like KubeRay's benchmark/perf-tests clusterloader2 templates: `{{.Name}}` reads as a flow mapping
    // keyed by a flow mapping, so the file parses, into a RayCluster named '' whose image is a mapping.
    dir.write("raycluster.yaml", "apiVersion: ray.io/v1\nkind: RayCluster\nmetadata:\n  name: {{.Name}}\n"
                                 "  labels:\n    group: {{.Group}}\nspec:\n  headGroupSpec:\n    rayStartParams: {}\n"
                                 "    template:\n      spec:\n        containers:\n          - name: ray-head\n"
                                 "            image: {{.Image}}\n");
    // A value the template engine fills in, inside a string: the object reads as written and is linted.
    dir.write("alerts.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: team-a\n"
                             "  annotations:\n    summary: \"{{ $value }} requests\"\nspec:\n  selector:\n"
                             "    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n"
                             "    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n"
                             "          securityContext: {privileged: true}\n");
    const std::set<Key> all = keys(lint_paths({dir.path().string()}), dir.path());
    CHECK(of_rule(all, "unrendered-template") == std::set<Key>{{"raycluster.yaml", 4, 9, "unrendered-template"}});
    for (const Key& k : all) CHECK((std::get<0>(k) != "raycluster.yaml" || std::get<3>(k) == "unrendered-template"));
    CHECK(all.contains({"alerts.yaml", 18, 41, "privileged"}));
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("helm render on disk: the chart's template file and the line its text confirms, else the path in the message")
  {
    const fs::path root = test::source_dir() / "tests/units/helm-render";
    lint::LintOptions options;
    options.paths = {root.string()};
    options.only = {"privileged"};
    options.discover_config = false;
    options.kustomize = false;
    const lint::LintRun run = lint::run_lint(options);
    REQUIRE(run.report.findings.size() == 1);
    const Finding& f = run.report.findings[0];
    // install.yaml line 19 is `privileged: true`; the template's is line 21, three lines below where counting from
    // `# Source:` lands, because the imagePullSecrets block rendered away.
    CHECK(fs::path(f.location.file).lexically_relative(root) == "install.yaml");
    CHECK(f.location.line == 19);
    REQUIRE(f.related.size() == 1);
    CHECK(fs::path(f.related[0].location.file).lexically_relative(root) == "chart/app/templates/deploy.yaml");
    CHECK(f.related[0].location.line == 21);

    // The same render without its chart beside it: no related location to a path that is not there.
    test::TempDir dir;
    dir.write("install.yaml", test::slurp(root / "install.yaml"));
    options.paths = {dir.path().string()};
    const lint::LintRun alone = lint::run_lint(options);
    REQUIRE(alone.report.findings.size() == 1);
    CHECK(alone.report.findings[0].related.empty());
    CHECK(alone.report.findings[0].message.ends_with("(rendered from Helm chart file app/templates/deploy.yaml)"));
  }
}
