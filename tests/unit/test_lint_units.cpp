// Deployment units: what is applied together is linted together, each finding once (tests/units/README.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "readyctl/io/process.hpp"
#include "readyctl/lint/deployment_units.hpp"
#include "readyctl/lint/engine.hpp"
#include "readyctl/lint/manifest_loader.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

const fs::path& repo()
{
  static const fs::path path = test::source_dir() / "tests/units/repo";
  return path;
}

lint::LintRun lint_unit_paths(std::vector<std::string> paths, bool kustomize = true)
{
  lint::LintOptions options;
  options.paths = std::move(paths);
  options.discover_config = false;
  options.kustomize = kustomize;
  options.today = "2026-12-07";
  return lint::run_lint(options);
}

// A Deployment `name` in namespace ops, labelled app=`name`, whose one container runs privileged (line 16).
std::string privileged_deployment(const std::string& name)
{
  return fmt::format("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {0}\n  namespace: ops\nspec:\n"
                     "  selector:\n    matchLabels: {{app: {0}}}\n  template:\n    metadata:\n      labels: {{app: {0}}}\n"
                     "    spec:\n      containers:\n        - name: c\n          image: ghcr.io/acme/c:1.0.0\n"
                     "          securityContext: {{privileged: true}}\n",
                     name);
}

using Key = std::tuple<std::string, int, int, std::string>;  // file, line, column, rule

std::map<Key, int> counted(const std::vector<Finding>& findings)
{
  std::map<Key, int> out;
  for (const Finding& f : findings)
    ++out[{fs::path(f.location.file).lexically_normal().string(), f.location.line, f.location.column, f.rule}];
  return out;
}

bool renders_with_origins()
{
  if (!io::on_path("kubectl")) return false;
  test::TempDir dir;
  dir.write("kustomization.yaml", "resources: [cm.yaml]\nbuildMetadata: [originAnnotations]\n");
  dir.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: probe}\n");
  io::ProcessResult r = io::run_process({{"kubectl", "kustomize", dir.path().string()}, "", {}});
  return r.exit_code == 0 && r.out.find("config.kubernetes.io/origin") != std::string::npos;
}

std::vector<std::string> relative(const std::vector<fs::path>& paths)
{
  std::vector<std::string> out;
  for (const fs::path& p : paths) out.push_back(p.lexically_relative(repo()).string());
  return out;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("units: kustomization roots are the ones no other includes; consumed and Dapr-local files are not plain")
  {
    lint::Walk walk;
    for (const char* dir : {"base", "components/probes", "overlays/prod", "overlays/staging"})
      walk.kustomizations.push_back(repo() / dir);
    for (const char* file : {"apps/chat/deployment.yaml", "apps/chat/limits.yaml", "apps/policies/deny-all.yaml",
                             "base/deployment.yaml", "base/pdb.yaml", "base/unlisted.yaml", "components/probes/configmap.yaml",
                             "local/components.local/statestore.yaml", "local/dapr.yaml"})
      walk.files.push_back({repo() / file, false});
    walk.dapr_run_files.push_back(repo() / "local/dapr.yaml");
    const lint::UnitPlan plan = lint::plan_units(walk);
    CHECK(relative(plan.kustomize_roots) == std::vector<std::string>{"overlays/prod", "overlays/staging"});
    CHECK(relative(plan.plain_files) == std::vector<std::string>{"apps/chat/deployment.yaml", "apps/chat/limits.yaml",
                                                                 "apps/policies/deny-all.yaml",
                                                                 "base/unlisted.yaml", "local/dapr.yaml"});
    // A file named on the command line is linted even when a kustomization consumes it.
    walk.files.push_back({repo() / "base/pdb.yaml", true});
    CHECK(relative(lint::plan_units(walk).plain_files).back() == "base/pdb.yaml");
    // Alone, the base is a root.
    lint::Walk base_only;
    base_only.kustomizations.push_back(repo() / "base");
    CHECK(relative(lint::plan_units(base_only).kustomize_roots) == std::vector<std::string>{"base"});
  }

  TEST_CASE("units: namespace-less plain objects group by directory in cross-resource rules")
  {
    // apps/policies' default-deny policy has no namespace, like apps/chat's Deployment (and the LimitRange that
    // governs its namespace), but they are not applied together: the chat Deployment's scope has no policy.
    lint::LintOptions options;
    options.paths = {(repo() / "apps").string()};
    options.only = {"network-policy"};
    options.discover_config = false;
    lint::LintRun run = lint::run_lint(options);
    REQUIRE(run.report.findings.size() == 1);
    CHECK(run.report.findings[0].location.file.ends_with("apps/chat/deployment.yaml"));
    CHECK(run.report.findings[0].message.find("of " + (repo() / "apps/chat").string() + "/") != std::string::npos);
    // Side by side, the same policy governs the Deployment.
    test::TempDir dir;
    dir.write("deployment.yaml", test::slurp(repo() / "apps/chat/deployment.yaml"));
    dir.write("limits.yaml", test::slurp(repo() / "apps/chat/limits.yaml"));
    dir.write("deny-all.yaml", test::slurp(repo() / "apps/policies/deny-all.yaml"));
    options.paths = {dir.path().string()};
    CHECK(lint::run_lint(options).report.findings.empty());
  }

  TEST_CASE("units: a repository root reports what each overlay reports, each finding once, and its plain files")
  {
    if (!renders_with_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize units are not tested here");
      return;
    }
    const lint::LintRun root = lint_unit_paths({repo().string()});
    const lint::LintRun staging = lint_unit_paths({(repo() / "overlays/staging").string()});
    const lint::LintRun prod = lint_unit_paths({(repo() / "overlays/prod").string()});
    const lint::LintRun plain = lint_unit_paths({(repo() / "apps").string(), (repo() / "base/unlisted.yaml").string()});
    std::map<Key, int> found = counted(root.report.findings);
    for (const auto& [key, n] : found) CHECK_MESSAGE(n == 1, std::get<0>(key), ":", std::get<1>(key), " ", std::get<3>(key));
    std::map<Key, int> expected;
    for (const auto* run : {&staging, &prod, &plain})
      for (const auto& [key, n] : counted(run->report.findings)) expected[key] = 1;
    CHECK(found == expected);
    // Each overlay alone sees one PodDisruptionBudget, never the other overlay's copy of it.
    for (const Finding& f : root.report.findings) CHECK(f.message.find("selected by 2") == std::string::npos);
    // A finding on a base line names both overlays; the unlisted file is linted; Dapr's local files are not.
    bool named_both = false, unlisted = false;
    for (const Finding& f : root.report.findings) {
      named_both = named_both || f.message.find("(through 2 kustomizations: ") != std::string::npos;
      unlisted = unlisted || (f.rule == "privileged" && f.location.file.ends_with("base/unlisted.yaml"));
      CHECK(f.location.file.find("components.local") == std::string::npos);
      CHECK(fs::exists(f.location.file));
    }
    CHECK(named_both);
    CHECK(unlisted);
  }

  TEST_CASE("units: a patch left beside a kustomization that does not list it is not linted as a Deployment")
  {
    if (!renders_with_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize units are not tested here");
      return;
    }
    test::TempDir dir;
    dir.write("kustomization.yaml", "resources:\n  - manager.yaml\n# patches:\n#   - path: manager_config_patch.yaml\n");
    dir.write("manager.yaml", privileged_deployment("manager"));
    dir.write("extra.yaml", privileged_deployment("extra"));
    // kubebuilder's config/default/manager_config_patch.yaml: no selector, a container without an image.
    dir.write("manager_config_patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: manager\n"
                                           "  namespace: ops\nspec:\n  template:\n    spec:\n      containers:\n"
                                           "      - name: c\n        args: [--leader-elect]\n");
    // KServe's config/overlays/version-template/manager_image_patch.yaml: no selector, a container with an image.
    dir.write("manager_image_patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: manager\n"
                                          "  namespace: ops\nspec:\n  template:\n    spec:\n      containers:\n"
                                          "      - name: c\n        image: ghcr.io/acme/c:latest\n");
    // Kubeflow's tensorboard-controller base/patches/add_service_account.yaml: in a directory of the kustomization.
    dir.write("patches/add_service_account.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: deployment\n"
                                                  "spec:\n  template:\n    spec:\n      serviceAccountName: tensorboard\n");
    // kubebuilder's webhookcainjection_patch.yaml: metadata and an annotation, no webhooks (a removed API version).
    dir.write("webhookcainjection_patch.yaml", "apiVersion: admissionregistration.k8s.io/v1beta1\n"
                                               "kind: MutatingWebhookConfiguration\nmetadata:\n  name: mutating\n"
                                               "  annotations:\n    cert-manager.io/inject-ca-from: ops/serving-cert\n");
    std::set<std::string> privileged;
    for (const Finding& f : lint_unit_paths({dir.path().string()}).report.findings) {
      CHECK(fs::path(f.location.file).filename() != "manager_config_patch.yaml");
      CHECK(fs::path(f.location.file).filename() != "manager_image_patch.yaml");
      CHECK(fs::path(f.location.file).filename() != "add_service_account.yaml");
      CHECK(fs::path(f.location.file).filename() != "webhookcainjection_patch.yaml");
      if (f.rule == "privileged") privileged.insert(fs::path(f.location.file).filename().string());
    }
    CHECK(privileged == std::set<std::string>{"extra.yaml", "manager.yaml"});
    // Named on its own, outside any kustomization's directory listing, the same file is linted as written.
    const lint::LintRun named = lint_unit_paths({(dir / "manager_config_patch.yaml").string()});
    CHECK_FALSE(named.report.findings.empty());
  }

  TEST_CASE("units: a finding on what a kustomize patch added is reported in the patch, at the field")
  {
    if (!renders_with_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize units are not tested here");
      return;
    }
    test::TempDir dir;
    dir.write("base/kustomization.yaml", "resources: [manager.yaml]\n");
    dir.write("base/manager.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: manager\n  namespace: ops\n"
                                   "spec:\n  selector:\n    matchLabels: {app: manager}\n  template:\n    metadata:\n"
                                   "      labels: {app: manager}\n    spec:\n      containers:\n        - name: manager\n"
                                   "          image: ghcr.io/acme/manager:1.0.0\n");
    // kubebuilder's manager_auth_proxy_patch.yaml: a sidecar the base does not have, with a securityContext that
    // lacks readOnlyRootFilesystem (line 11 of the patch), under a name prefix the overlay adds.
    dir.write("default/kustomization.yaml", "namePrefix: acme-\nresources: [../base]\npatches:\n  - path: proxy_patch.yaml\n");
    dir.write("default/proxy_patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: manager\n"
                                          "  namespace: ops\nspec:\n  template:\n    spec:\n      containers:\n"
                                          "        - name: kube-rbac-proxy\n          securityContext:\n"
                                          "            allowPrivilegeEscalation: false\n"
                                          "          image: quay.io/brancz/kube-rbac-proxy:v0.18.0\n");
    lint::LintOptions options;
    options.paths = {(dir / "default").string()};
    options.only = {"read-only-root-fs"};
    options.discover_config = false;
    std::map<std::string, Finding> by_file;
    for (const Finding& f : lint::run_lint(options).report.findings)
      by_file[fs::path(f.location.file).lexically_relative(dir.path()).string()] = f;
    REQUIRE(by_file.size() == 2);
    CHECK(by_file["base/manager.yaml"].message.find("'manager'") != std::string::npos);
    const Finding& proxy = by_file["default/proxy_patch.yaml"];
    CHECK(proxy.message.find("'kube-rbac-proxy'") != std::string::npos);
    CHECK(proxy.location.line == 11);
    CHECK(proxy.message.ends_with("(a kustomize patch adds this to " + (dir / "base/manager.yaml").string() + ")"));
  }

  TEST_CASE("units: the bases of an overlay that cannot render are rendered on their own, not left unlinted")
  {
    if (!renders_with_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize units are not tested here");
      return;
    }
    // Kubeflow Trainer's overlays/manager: local bases beside a base kustomize cannot load (a remote one offline, a
    // file a script generates). The overlay is a parse error that names the bases; each base is linted once.
    test::TempDir dir;
    dir.write("base/manager/manager.yaml", privileged_deployment("manager"));
    dir.write("base/webhook/kustomization.yaml", "resources: [webhook.yaml]\n");
    dir.write("base/webhook/webhook.yaml", privileged_deployment("webhook"));
    // The manager's account is in a sibling base: linted together, it is found. A Component is never rendered alone.
    dir.write("base/rbac/kustomization.yaml", "resources: [account.yaml]\n");
    dir.write("base/rbac/account.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: trainer\n  namespace: ops\n");
    dir.write("base/manager/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: init\n  namespace: ops\nspec:\n"
                                       "  template:\n    spec:\n      serviceAccountName: trainer\n      restartPolicy: Never\n"
                                       "      containers:\n        - name: init\n          image: ghcr.io/acme/init:1.0.0\n");
    dir.write("base/manager/kustomization.yaml", "resources: [manager.yaml, job.yaml]\n");
    dir.write("components/initless/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                                                        "patches:\n  - path: patch.yaml\n");
    dir.write("components/initless/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: manager\n"
                                                "spec:\n  template:\n    spec:\n      initContainers: []\n");
    dir.write("overlays/manager/kustomization.yaml",
              "resources:\n  - ../../base/manager\n  - ../../base/rbac\n  - ../../base/webhook\n  - generated/jobset.yaml\n"
              "components:\n  - ../../components/initless\n");
    dir.write("overlays/platform/kustomization.yaml", "resources:\n  - ../manager\n");
    const lint::LintRun run = lint_unit_paths({dir.path().string()});
    std::map<std::string, int> privileged;
    std::vector<std::string> errors;
    for (const Finding& f : run.report.findings) {
      const std::string file = fs::path(f.location.file).lexically_relative(dir.path()).string();
      if (f.rule == "privileged") ++privileged[file];
      if (f.rule == "parse-error") errors.push_back(fmt::format("{}:{}: {}", file, f.location.line, f.message));
      CHECK_MESSAGE(f.message.find("is not in the input") == std::string::npos, f.message);
    }
    CHECK(privileged == std::map<std::string, int>{{"base/manager/manager.yaml", 1}, {"base/webhook/webhook.yaml", 1}});
    // One error, for the root, at the reference kustomize could not accumulate (in the overlay it includes, which
    // fails too): the bases below are linted together in its place.
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("overlays/manager/kustomization.yaml:5: kubectl kustomize failed: "));
    CHECK(errors[0].ends_with("linted together in its place: " + (dir / "base/manager").string() + ", " +
                              (dir / "base/rbac").string() + ", " + (dir / "base/webhook").string() + "; " +
                              (dir / "overlays/manager").string() + " could not be rendered either)"));
  }

  TEST_CASE("units: a value a JSON 6902 patch writes is reported in the patch, at the value")
  {
    if (!renders_with_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize units are not tested here");
      return;
    }
    // Katib's katib-standalone-postgres install: the base reads DB_PASSWORD from a Secret, the install's JSON 6902
    // patch replaces the env list with a literal (line 8 of the patch, column 14: Katib writes `katib`). A second patch
    // file, the same operation and value aimed at another Deployment, is not taken for it.
    test::TempDir dir;
    const std::string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {}\n  namespace: kubeflow\n"
                                   "spec:\n  selector:\n    matchLabels: {{app: {}}}\n  template:\n    metadata:\n"
                                   "      labels: {{app: {}}}\n    spec:\n      containers:\n        - name: {}\n"
                                   "          image: ghcr.io/kubeflow/katib/{}:v0.18.0\n          env:\n"
                                   "            - name: DB_PASSWORD\n              valueFrom:\n"
                                   "                secretKeyRef: {{name: katib-mysql-secrets, key: MYSQL_ROOT_PASSWORD}}\n";
    dir.write("base/kustomization.yaml", "resources: [db-manager.yaml]\n");
    dir.write("base/db-manager.yaml", fmt::format(fmt::runtime(deployment), "katib-db-manager", "db", "db",
                                                  "katib-db-manager", "katib-db-manager"));
    const std::string ops = "---\n- op: replace\n  path: /spec/template/spec/containers/0/env\n  value:\n"
                            "    - name: DB_NAME\n      value: postgres\n    - name: DB_PASSWORD\n      value: {}\n";
    dir.write("install/kustomization.yaml",
              "resources: [../base]\npatches:\n  - path: other.yaml\n    target: {group: apps, version: v1, kind: "
              "Deployment, name: katib-ui}\n  - path: patches/db-manager.yaml\n    target:\n      group: apps\n"
              "      version: v1\n      kind: Deployment\n      name: katib-db-manager\n");
    dir.write("install/other.yaml", fmt::format(fmt::runtime(ops), "pgpass4db"));
    dir.write("install/patches/db-manager.yaml", fmt::format(fmt::runtime(ops), "pgpass4db"));
    lint::LintOptions options;
    options.paths = {(dir / "install").string()};
    options.only = {"secret-literal"};
    options.discover_config = false;
    const std::vector<Finding> findings = lint::run_lint(options).report.findings;
    REQUIRE(findings.size() == 1);
    CHECK(fs::path(findings[0].location.file).lexically_relative(dir.path()) == "install/patches/db-manager.yaml");
    CHECK(findings[0].location.line == 8);
    CHECK(findings[0].location.column == 14);
    CHECK(findings[0].message.find("pgpass") == std::string::npos);
  }
  TEST_CASE("units: a base that two overlays include is read and parsed once for positions")
  {
    if (!renders_with_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize units are not tested here");
      return;
    }
    const lint::ManifestSet set = lint::load_manifests({repo().string()}, {});
    size_t base_reads = 0;
    for (const yaml::SourceFile& f : set.origin_files) base_reads += f.path().ends_with("base/deployment.yaml");
    CHECK(base_reads == 1);
    // Both overlays' copies of the base Deployment point into that one file.
    std::set<const yaml::SourceFile*> sources;
    size_t copies = 0;
    for (const lint::Object& o : set.objects)
      if (o.kind == "Deployment" && o.origin && o.origin->file->path().ends_with("base/deployment.yaml")) {
        sources.insert(o.origin->file);
        ++copies;
      }
    CHECK(copies == 2);
    CHECK(sources.size() == 1);
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("units: an object another deployment unit defines is not missing; one no unit defines still is")
  {
    if (!renders_with_origins()) {
      MESSAGE("no kubectl whose kustomize writes origin annotations: kustomize units are not tested here");
      return;
    }
    // Kueue's test/e2e/config/prometheus binds the install's `kueue-metrics-reader` ClusterRole (config/default
    // renders it) and Kubeflow Pipelines' env/ names an account its cluster-scoped-resources unit makes: each is
    // applied beside the other. The plain-file unit also names a ClusterRole, a ServiceAccount and a PriorityClass
    // that no unit has, which stay findings.
    test::TempDir dir;
    dir.write("install/kustomization.yaml", "namePrefix: kueue-\nresources: [rbac.yaml]\n");
    dir.write("install/rbac.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n"
                                   "  name: metrics-reader\nrules: []\n---\napiVersion: v1\nkind: ServiceAccount\n"
                                   "metadata:\n  name: cache-sa\n  namespace: ops\n---\n"
                                   "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: serving\n"
                                   "value: 1000\n");
    const std::string binding = "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n"
                                "  name: {0}\nroleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "
                                "{0}}}\nsubjects: [{{kind: ServiceAccount, name: prom, namespace: ops}}]\n";
    const std::string job = "---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {0}\n  namespace: ops\nspec:\n"
                            "  template:\n    spec:\n      serviceAccountName: {0}\n      priorityClassName: {1}\n"
                            "      restartPolicy: Never\n      containers:\n        - name: c\n"
                            "          image: ghcr.io/acme/c:1.0.0\n";
    dir.write("e2e/setup.yaml",
              "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: prom\nrules: []\n---\n"
                  "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: prom\n  namespace: ops\n---\n"
                  "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: batch\nvalue: 10\n" +
                  fmt::format(fmt::runtime(binding), "kueue-metrics-reader") +
                  fmt::format(fmt::runtime(binding), "kueue-nowhere") +
                  fmt::format(fmt::runtime(job), "kueue-cache-sa", "kueue-serving") +
                  fmt::format(fmt::runtime(job), "nowhere-sa", "nowhere-class"));
    lint::LintOptions options;
    options.paths = {dir.path().string()};
    options.only = {"dangling-reference", "service-account", "priority-class"};
    options.discover_config = false;
    std::vector<std::string> missing;
    for (const Finding& f : lint::run_lint(options).report.findings)
      if (f.message.find("is not in") != std::string::npos)
        missing.push_back(f.rule + " " + f.message.substr(0, f.message.find(',')));
    std::sort(missing.begin(), missing.end());
    CHECK(missing == std::vector<std::string>{
                         "dangling-reference ClusterRoleBinding kueue-nowhere roleRef names ClusterRole 'kueue-nowhere'",
                         "priority-class PriorityClass 'nowhere-class' is not in the input",
                         "service-account ServiceAccount 'ops/nowhere-sa' is not in the input"});
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("units: alternative files of one directory are linted each with the rest of their directory, not together")
  {
    // Envoy Gateway's proxy testdata: pdb/default.yaml and pdb/max-unavailable.yaml are two outputs for one
    // PodDisruptionBudget; KubeRay's historyserver config: three Deployments historyserver-demo beside the rbac.yaml
    // each is applied with. Each budget file pairs with the Deployment on its own, and each Deployment alternative
    // sees the account and binding beside it.
    test::TempDir dir;
    const std::string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: proxy\n  namespace: gw\n"
                                   "spec:\n  replicas: 2\n  selector:\n    matchLabels: {{app: proxy}}\n  template:\n"
                                   "    metadata:\n      labels: {{app: proxy}}\n    spec:\n"
                                   "      serviceAccountName: {}\n      containers:\n        - name: c\n"
                                   "          image: ghcr.io/acme/c:1.0.0\n";
    dir.write("app/deployment.yaml", fmt::format(fmt::runtime(deployment), "proxy"));
    const std::string pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: proxy\n  namespace: gw\n"
                            "spec:\n  {}\n  selector:\n    matchLabels: {{app: proxy}}\n";
    dir.write("app/pdb/default.yaml", fmt::format(fmt::runtime(pdb), "minAvailable: 1"));
    dir.write("app/pdb/max-unavailable.yaml", fmt::format(fmt::runtime(pdb), "maxUnavailable: 1"));
    std::string history = fmt::format(fmt::runtime(deployment), "history");
    history.replace(history.find("name: proxy"), 11, "name: history");
    history.replace(history.find("replicas: 2"), 11, "replicas: 1");
    dir.write("history/history.yaml", history);
    dir.write("history/history-gcs.yaml", history);
    dir.write("history/rbac.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: history\n  namespace: gw\n---\n"
                                   "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: unused\n  namespace: gw\n"
                                   "automountServiceAccountToken: true\n");
    lint::LintOptions options;
    options.paths = {dir.path().string()};
    options.only = {"disruption-budget", "service-account"};
    options.discover_config = false;
    const lint::LintRun run = lint::run_lint(options);
    CHECK(run.report.summary.objects == 7);
    std::vector<std::string> seen;
    for (const Finding& f : run.report.findings)
      seen.push_back(fs::path(f.location.file).lexically_relative(dir.path()).string() + " " + f.rule + " " +
                     f.message.substr(0, 40));
    std::sort(seen.begin(), seen.end());
    // No "selected by 2 PodDisruptionBudgets"; history's account is found by both alternatives; app/deployment.yaml's
    // account 'proxy' is in no unit.
    CHECK(seen == std::vector<std::string>{"app/deployment.yaml service-account ServiceAccount 'gw/proxy' is not in the "});
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("units: a walked file of a Deployment with no selector and a container with no image is a patch file")
  {
    // Envoy Gateway's test/e2e/remote_infra/sidecar-patch.yaml, applied with `kubectl patch --patch-file`: not
    // linted when a walk meets it, linted when named.
    test::TempDir dir;
    dir.write("e2e/sidecar-patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: envoy-gateway\n"
                                        "spec:\n  template:\n    spec:\n      containers:\n        - name: envoy-gateway\n"
                                        "          env: [{name: RECORD, value: 'on'}]\n");
    // kube-prometheus' tests/e2e/kind/patches/kube-controller-manager.yaml: a kubeadm `--patches` file for the
    // static Pod, with no image either.
    dir.write("kind/patches/kube-controller-manager.yaml",
              "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-controller-manager\n  namespace: kube-system\n"
              "spec:\n  containers:\n    - name: kube-controller-manager\n      command: [kube-controller-manager]\n");
    lint::LintOptions options;
    options.discover_config = false;
    options.only = {"service-account"};
    options.paths = {dir.path().string()};
    CHECK(lint::run_lint(options).report.summary.objects == 0);
    options.paths = {(dir / "e2e/sidecar-patch.yaml").string()};
    CHECK(lint::run_lint(options).report.findings.size() == 1);
    options.paths = {(dir / "kind/patches/kube-controller-manager.yaml").string()};
    CHECK(lint::run_lint(options).report.summary.objects == 1);
  }

  TEST_CASE("units: a kustomization resource shaped like a patch (no selector, no image) is not linted as a Deployment")
  {
    // Kuadrant's config/observability/tracing: kuadrant-operator-patch.yaml is listed under resources and applied
    // over the running operator; it sets only the tracing env.
    if (!renders_with_origins()) return;
    test::TempDir dir;
    dir.write("tracing/kustomization.yaml", "resources: [operator-patch.yaml, deployment.yaml]\n");
    dir.write("tracing/operator-patch.yaml",
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: operator\n  namespace: ops\nspec:\n"
              "  template:\n    spec:\n      containers:\n        - name: manager\n"
              "          env: [{name: OTEL_EXPORTER_OTLP_ENDPOINT, value: 'http://collector:4318'}]\n");
    dir.write("tracing/deployment.yaml", privileged_deployment("collector"));
    lint::LintOptions options;
    options.discover_config = false;
    options.only = {"service-account", "privileged"};
    options.paths = {dir.path().string()};
    const lint::LintRun run = lint::run_lint(options);
    CHECK(run.report.summary.objects == 1);
    REQUIRE(run.report.findings.size() == 2);
    for (const Finding& f : run.report.findings) CHECK(f.location.file.ends_with("deployment.yaml"));
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("units: a directory of only Dapr resources beside a localhost Component is local; one with cluster objects is not")
  {
    // dapr-agents' examples/*/resources (a `dapr run --resources-path` directory): a localhost state store and a
    // conversation Component with no host. dapr's tests/config: the same two among the e2e suite's Deployments,
    // Secrets and RBAC, applied to a cluster; its one localhost Component is a deliberately unreachable store.
    test::TempDir dir;
    const std::string local_store = "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: statestore\n"
                                    "spec:\n  type: state.redis\n  version: v1\n  metadata:\n"
                                    "  - name: redisHost\n    value: localhost:6379\n";
    const std::string conversation = "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: llm\n"
                                     "spec:\n  type: conversation.echo\n  version: v1\n";
    for (const char* d : {"resources", "config"}) {
      dir.write(fmt::format("{}/statestore.yaml", d), local_store);
      dir.write(fmt::format("{}/llm.yaml", d), conversation);
    }
    dir.write("config/sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: e2e\n");
    lint::LintOptions options;
    options.discover_config = false;
    options.only = {"dapr-scopes"};
    options.paths = {dir.path().string()};
    std::vector<std::string> seen;
    for (const Finding& f : lint::run_lint(options).report.findings)
      seen.push_back(fs::path(f.location.file).lexically_relative(dir.path()).string());
    CHECK(seen == std::vector<std::string>{"config/llm.yaml"});
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("units: a finding on what an inline patch added points into the kustomization, once per object it patched")
  {
    // llm-d's components/overlays/simulator: a Component's inline JSON patch, `target: {name: "vllm-[pe]"}` (kustomize
    // target names are anchored regular expressions), adds a tokenizer sidecar to two Deployments; two overlays
    // include the Component.
    if (!renders_with_origins()) return;
    test::TempDir dir;
    std::string deployments;
    for (const char* name : {"vllm-p", "vllm-e"})
      deployments += fmt::format("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {0}\nspec:\n"
                                 "  selector:\n    matchLabels: {{app: {0}}}\n  template:\n    metadata:\n"
                                 "      labels: {{app: {0}}}\n    spec:\n      containers:\n        - name: vllm\n"
                                 "          image: ghcr.io/acme/vllm:1.0.0\n",
                                 name);
    dir.write("base/deployments.yaml", deployments);
    dir.write("base/kustomization.yaml", "resources: [deployments.yaml]\n");
    dir.write("simulator/kustomization.yaml",
              "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n"
              "- target:\n    kind: Deployment\n    name: \"vllm-[pe]\"\n  patch: |\n"
              "    - op: add\n      path: /spec/template/spec/initContainers\n      value:\n"
              "      - name: tokenizer\n        image: ghcr.io/acme/tokenizer:latest\n");
    for (const char* overlay : {"dev", "ci"})
      dir.write(fmt::format("{}/kustomization.yaml", overlay),
                "namespace: sim\nresources: [../base]\ncomponents: [../simulator]\n");
    lint::LintOptions options;
    options.discover_config = false;
    options.only = {"image-pinned"};
    options.paths = {dir.path().string()};
    const lint::LintRun run = lint::run_lint(options);
    std::vector<std::string> seen;
    for (const Finding& f : run.report.findings)
      seen.push_back(fmt::format("{}:{} {}", fs::path(f.location.file).lexically_relative(dir.path()).string(),
                                 f.location.line, f.object ? f.object->name : ""));
    std::sort(seen.begin(), seen.end());
    CHECK(seen == std::vector<std::string>{"simulator/kustomization.yaml:12 vllm-e", "simulator/kustomization.yaml:12 vllm-p"});
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("units: a namespace another unit installs an operator into is no tenant in any unit")
  {
    // Node Feature Discovery: overlays/default installs the CRD and binds nfd-master's ClusterRole to its account in
    // node-feature-discovery; overlays/prune runs a cleanup Job in that namespace and defines no CRD.
    if (!renders_with_origins()) return;
    test::TempDir dir;
    const std::string job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: nfd-prune\nspec:\n  template:\n"
                            "    spec:\n      restartPolicy: Never\n      containers:\n        - name: prune\n"
                            "          image: registry.k8s.io/nfd/node-feature-discovery:v0.17.3\n";
    dir.write("default/install.yaml",
              "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
              "  name: nodefeatures.nfd.k8s-sigs.io\nspec:\n  group: nfd.k8s-sigs.io\n  names: {kind: NodeFeature, plural: nodefeatures}\n"
              "  scope: Namespaced\n  versions: []\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n"
              "metadata:\n  name: nfd-master\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: nfd-master}\n"
              "subjects:\n  - {kind: ServiceAccount, name: nfd-master, namespace: node-feature-discovery}\n");
    dir.write("default/kustomization.yaml", "resources: [install.yaml]\n");
    dir.write("prune/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: node-feature-discovery\n");
    dir.write("prune/job.yaml", job);
    dir.write("prune/kustomization.yaml", "namespace: node-feature-discovery\nresources: [namespace.yaml, job.yaml]\n");
    lint::LintOptions options;
    options.discover_config = false;
    options.only = {"tenant-quota", "network-policy"};
    options.paths = {dir.path().string()};
    CHECK(lint::run_lint(options).report.findings.empty());
    options.paths = {(dir / "prune").string()};  // alone, nothing says an operator lives there
    CHECK(lint::run_lint(options).report.findings.size() == 2);
  }
}

TEST_SUITE("lint")
{
  TEST_CASE("units: a pod's named account bound in another deployment unit needs its token")
  {
    // OpenKruise: hack/daemon/daemon-windows.yaml runs as kruise-system/kruise-daemon, which config/default renders
    // and binds to the daemon's ClusterRole.
    if (!renders_with_origins()) return;
    test::TempDir dir;
    dir.write("config/default/rbac.yaml",
              "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: kruise-daemon, namespace: kruise-system}\n---\n"
              "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: kruise-daemon}\n"
              "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kruise-daemon-role}\n"
              "subjects: [{kind: ServiceAccount, name: kruise-daemon, namespace: kruise-system}]\n");
    dir.write("config/default/kustomization.yaml", "resources: [rbac.yaml]\n");
    dir.write("hack/daemon/daemon.yaml",
              "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: kruise-daemon-win, namespace: kruise-system}\n"
              "spec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n"
              "    spec:\n      serviceAccountName: kruise-daemon\n      containers:\n        - name: daemon\n"
              "          image: openkruise/kruise-manager:v1.8.0\n");
    lint::LintOptions options;
    options.discover_config = false;
    options.only = {"sa-token-automount"};
    options.paths = {dir.path().string()};
    CHECK(lint::run_lint(options).report.findings.empty());
    options.paths = {(dir / "hack").string()};
    CHECK(lint::run_lint(options).report.findings.size() == 1);
  }
}
