// Operator kinds unpacked to the pods that will run, and the defaults their controllers inject: what the fixtures
// show only through a rule's findings is checked here on the PodTemplates themselves.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "readyctl/lint/controller_defaults.hpp"
#include "readyctl/lint/manifest_loader.hpp"
#include "readyctl/lint/pod_template.hpp"

using namespace readyctl;

namespace {

// The pod templates of the one object `text` holds (the set keeps the nodes alive).
struct Unpacked {
  lint::ManifestSet set;
  std::vector<lint::PodTemplate> pods;
};

Unpacked unpack(std::string text)
{
  Unpacked out;
  lint::add_manifest_text(out.set, "test.yaml", std::move(text));
  REQUIRE(out.set.objects.size() == 1);
  out.pods = lint::extract_pod_templates(out.set.objects[0]);
  return out;
}

std::vector<std::string> parts_of(const Unpacked& u)
{
  std::vector<std::string> parts;
  for (const lint::PodTemplate& pod : u.pods) parts.emplace_back(pod.part);
  return parts;
}

std::string_view name_of(const yaml::Node* container) { return container ? container->str_at("name") : "(none)"; }

constexpr const char* k_ray_job = R"(apiVersion: ray.io/v1
kind: RayJob
metadata: {name: finetune}
spec:
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.52.0}, {name: sidecar, image: busybox:1.36}]
    workerGroupSpecs:
    - template:
        spec:
          containers: [{name: ray-worker, image: rayproject/ray:2.52.0}]
    - template:
        spec:
          containers: [{name: ray-worker-2, image: rayproject/ray:2.52.0}]
  submitterPodTemplate:
    spec:
      containers: [{name: submit, image: rayproject/ray:2.52.0}]
)";

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("a RayJob unpacks to its head, each worker group and its submitter, all batch")
  {
    Unpacked u = unpack(k_ray_job);
    CHECK(parts_of(u) == std::vector<std::string>{"head", "worker", "worker", "submitter"});
    for (const lint::PodTemplate& pod : u.pods) {
      CHECK_FALSE(pod.long_running);
      CHECK(pod.batch);
    }
    // The Ray container is Containers[0]; the submitter has no operator-owned container.
    CHECK(name_of(u.pods[0].primary) == "ray-head");
    CHECK(name_of(u.pods[2].primary) == "ray-worker-2");
    CHECK(u.pods[3].primary == nullptr);
  }

  TEST_CASE("a kind is unpacked only under its own API group")
  {
    std::string other = k_ray_job;
    other.replace(other.find("ray.io/v1"), 9, "example.com/v1");
    CHECK(unpack(other).pods.empty());
    CHECK(unpack("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n"
                 "      containers: [{name: c, image: x:1}]\n")
              .pods.empty());
    Unpacked knative = unpack("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: a}\nspec:\n"
                              "  template:\n    spec:\n      containers: [{name: c, image: x:1}]\n");
    REQUIRE(knative.pods.size() == 1);
    CHECK(knative.pods[0].long_running);
    // KFServing's old group is KServe's (object.cpp's alias table).
    CHECK(unpack("apiVersion: serving.kubeflow.org/v1beta1\nkind: InferenceService\nmetadata: {name: a}\nspec:\n"
                 "  predictor:\n    containers: [{name: c, image: x:1}]\n")
              .pods.size() == 1);
  }

  TEST_CASE("Kubeflow replica specs, JobSet and training runtimes unpack every replica's pod template")
  {
    Unpacked pytorch = unpack(R"(apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: p}
spec:
  pytorchReplicaSpecs:
    Master: {template: {spec: {containers: [{name: pytorch, image: x:1}]}}}
    Worker: {template: {spec: {containers: [{name: pytorch, image: x:1}]}}}
)");
    CHECK(parts_of(pytorch) == std::vector<std::string>{"Master", "Worker"});
    CHECK(pytorch.pods[1].batch);
    Unpacked jobset = unpack(R"(apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: j}
spec:
  replicatedJobs:
  - {name: leader, template: {spec: {template: {spec: {containers: [{name: l, image: x:1}]}}}}}
  - {name: workers, template: {spec: {template: {spec: {containers: [{name: w, image: x:1}]}}}}}
)");
    CHECK(parts_of(jobset) == std::vector<std::string>{"replicatedJob", "replicatedJob"});
    Unpacked runtime = unpack(R"(apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata: {name: torch}
spec:
  template:
    spec:
      replicatedJobs:
      - {name: node, template: {spec: {template: {spec: {containers: [{name: node, image: x:1}]}}}}}
)");
    REQUIRE(runtime.pods.size() == 1);
    CHECK(runtime.pods[0].batch);
  }

  TEST_CASE("LeaderWorkerSet workers serve no traffic beside a leader template, and do without one")
  {
    Unpacked both = unpack(R"(apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: l}
spec:
  leaderWorkerTemplate:
    leaderTemplate: {spec: {containers: [{name: leader, image: x:1}]}}
    workerTemplate: {spec: {containers: [{name: worker, image: x:1}]}}
)");
    REQUIRE(both.pods.size() == 2);
    CHECK(both.pods[0].serves_traffic);
    CHECK_FALSE(both.pods[1].serves_traffic);
    Unpacked workers_only = unpack(R"(apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: l}
spec:
  leaderWorkerTemplate:
    workerTemplate: {spec: {containers: [{name: worker, image: x:1}]}}
)");
    REQUIRE(workers_only.pods.size() == 1);
    CHECK(workers_only.pods[0].serves_traffic);
  }

  TEST_CASE("ServingRuntime pods take their labels from the spec; the model server is kserve-container")
  {
    Unpacked u = unpack(R"(apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: {name: vllm}
spec:
  labels: {team: a}
  containers: [{name: proxy, image: x:1}, {name: kserve-container, image: x:1}]
  workerSpec:
    containers: [{name: worker-container, image: x:1}]
)");
    CHECK(parts_of(u) == std::vector<std::string>{"runtime", "worker"});
    CHECK(name_of(u.pods[0].primary) == "kserve-container");
    REQUIRE(u.pods[0].labels());
    CHECK(u.pods[0].labels()->str_at("team") == "a");
    CHECK(u.pods[0].injected("readinessProbe", u.pods[0].primary));
    CHECK_FALSE(u.pods[0].injected("readinessProbe", u.pods[0].containers[0]));
    CHECK_FALSE(u.pods[1].injected("readinessProbe", u.pods[1].containers[0]));
  }

  TEST_CASE("KubeRay's probes land on the Ray container of head and worker pods, not on sidecars or the submitter")
  {
    Unpacked u = unpack(k_ray_job);
    const lint::PodTemplate& head = u.pods[0];
    CHECK(head.injected("livenessProbe", head.containers[0]));
    CHECK(head.injected("readinessProbe", head.containers[0]));
    CHECK_FALSE(head.injected("readinessProbe", head.containers[1]));
    CHECK(u.pods[1].injected("readinessProbe", u.pods[1].containers[0]));
    CHECK_FALSE(u.pods[3].injected("readinessProbe", u.pods[3].containers[0]));
    CHECK_FALSE(head.injected("lifecycle.preStop", head.containers[0]));
  }

  TEST_CASE("the LLMInferenceService preset covers `main` in every part; probes only where the preset has them")
  {
    Unpacked u = unpack(R"(apiVersion: serving.kserve.io/v1alpha2
kind: LLMInferenceService
metadata: {name: q}
spec:
  template: {containers: [{name: main}, {name: sidecar, image: x:1}]}
  worker: {containers: [{name: main}]}
  prefill:
    template: {containers: [{name: main}]}
)");
    CHECK(parts_of(u) == std::vector<std::string>{"template", "worker", "prefill.template"});
    const lint::PodTemplate& decode = u.pods[0];
    CHECK(lint::injects_value(decode, decode.primary, "securityContext.runAsNonRoot", "true"));
    CHECK(lint::injects_value(decode, decode.primary, "securityContext.readOnlyRootFilesystem", "false"));
    CHECK_FALSE(lint::injects_value(decode, decode.containers[1], "securityContext.runAsNonRoot", "true"));
    const lint::ControllerDefault* grace = decode.injected("terminationGracePeriodSeconds");
    REQUIRE(grace);
    CHECK(lint::injected_int(decode, *grace) == 60);
    CHECK(decode.injected("readinessProbe", decode.primary));
    CHECK_FALSE(u.pods[1].injected("readinessProbe", u.pods[1].primary));  // the worker preset has no probes
    CHECK(u.pods[1].injected("lifecycle.preStop", u.pods[1].primary));
    CHECK(u.pods[2].injected("livenessProbe", u.pods[2].primary));
  }

  TEST_CASE("the LLMInferenceService scheduler preset applies only when the scheduler names no pool ref")
  {
    const char* text = R"(apiVersion: serving.kserve.io/v1alpha2
kind: LLMInferenceService
metadata: {name: q}
spec:
  router:
    scheduler:
      POOL
      template: {containers: [{name: main}]}
)";
    for (auto [pool, preset] : {std::pair<std::string, bool>{"pool: {}", true}, {"pool: {ref: {name: shared}}", false}}) {
      CAPTURE(pool);
      std::string manifest = text;
      manifest.replace(manifest.find("POOL"), 4, pool);
      Unpacked u = unpack(manifest);
      REQUIRE(u.pods.size() == 1);
      const lint::PodTemplate& picker = u.pods[0];
      CHECK(picker.part == "router.scheduler.template");
      CHECK(lint::injects_value(picker, picker.primary, "securityContext.readOnlyRootFilesystem", "true") == preset);
      CHECK(static_cast<bool>(picker.injected("readinessProbe", picker.primary)) == preset);
    }
  }

  TEST_CASE("Knative's grace period is the revision's timeoutSeconds when set, else 300")
  {
    const char* service = R"(apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: s}
spec:
  template:
    spec:
      timeoutSeconds: 900
      containers: [{image: x:1, ports: [{containerPort: 8080}]}, {name: log, image: y:1}]
)";
    Unpacked set = unpack(service);
    const lint::PodTemplate& pod = set.pods[0];
    const lint::ControllerDefault* grace = pod.injected("terminationGracePeriodSeconds");
    REQUIRE(grace);
    CHECK(lint::injected_int(pod, *grace) == 900);
    std::string unset = service;
    unset.erase(unset.find("      timeoutSeconds: 900\n"), 26);
    Unpacked defaulted = unpack(unset);
    CHECK(lint::injected_int(defaulted.pods[0], *grace) == 300);
    // The readiness default goes to the serving container (it declares the port), the drain hook to both.
    CHECK(pod.injected("readinessProbe", pod.containers[0]));
    CHECK_FALSE(pod.injected("readinessProbe", pod.containers[1]));
    CHECK(pod.injected("lifecycle.preStop", pod.containers[1]));
  }

  TEST_CASE("KServe's Serverless-only defaults follow the deployment mode annotation, Serverless when absent")
  {
    const char* isvc = R"(apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: s
  annotations: {serving.kserve.io/deploymentMode: MODE}
spec:
  predictor:
    sklearn: {storageUri: gs://models/iris}
)";
    // "" leaves the annotation out: KServe's shipped inferenceservice-config says Serverless.
    for (auto [mode, drains] : {std::pair<std::string, bool>{"Serverless", true}, {"Knative", true},
                                {"RawDeployment", false}, {"Standard", false}, {"", true}}) {
      CAPTURE(mode);
      std::string text = isvc;
      if (mode.empty()) text.erase(text.find("  annotations:"), text.find("spec:") - text.find("  annotations:"));
      else text.replace(text.find("MODE"), 4, mode);
      Unpacked u = unpack(text);
      REQUIRE(u.pods.size() == 1);
      const lint::PodTemplate& pod = u.pods[0];
      CHECK(pod.primary == pod.spec->get("sklearn"));
      CHECK(static_cast<bool>(pod.injected("lifecycle.preStop", pod.primary)) == drains);
      CHECK(pod.injected("readinessProbe", pod.primary));
      CHECK(pod.injected("resources", pod.primary));
    }
  }

  TEST_CASE("a ModelMesh InferenceService runs no pod of its own; its model is loaded into a shared runtime")
  {
    // Shaped like kserve/modelmesh-serving config/example-isvcs/example-onnx-mnist-isvc.yaml.
    const std::string isvc = "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n"
                             "  name: example-onnx-mnist\n  annotations:\n    serving.kserve.io/deploymentMode: MODE\n"
                             "spec:\n  predictor:\n    model:\n      modelFormat: {name: onnx}\n"
                             "      storage: {key: localMinIO, path: onnx/mnist.onnx}\n";
    std::string mesh = isvc;
    mesh.replace(mesh.find("MODE"), 4, "ModelMesh");
    CHECK(unpack(mesh).pods.empty());
    std::string raw = isvc;
    raw.replace(raw.find("MODE"), 4, "RawDeployment");
    CHECK(parts_of(unpack(raw)) == std::vector<std::string>{"predictor"});
  }

  TEST_CASE("every controller default cites an upstream repository, tag and file")
  {
    for (const lint::ControllerDefault& row : lint::controller_defaults()) {
      CAPTURE(row.kinds);
      CAPTURE(row.field);
      CHECK(row.source.find('/') != std::string_view::npos);
      bool tagged = row.source.find(" v0.") != std::string_view::npos || row.source.find(" v1.") != std::string_view::npos ||
                    row.source.find("knative-v1.") != std::string_view::npos;
      CHECK(tagged);
      CHECK((row.source.find(".go") != std::string_view::npos || row.source.find(".yaml") != std::string_view::npos));
      CHECK(!row.value.empty());
    }
  }
}
