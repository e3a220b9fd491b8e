#!/usr/bin/env bash
# Deployment units at scale: a repository of one base and OVERLAYS overlays (default 20), linted from its root, against
# the reference of `kubectl kustomize` rendering every overlay one after another (what a CI job that renders each
# environment does). readyctl renders each overlay once (two at a time on this 2-core machine) and lints the units.
# Usage: bench/kustomize/overlays.sh [path/to/readyctl]    Env: OVERLAYS (default 20), RUNS (best of, default 3).
# Prints the best wall time of each and the ratio readyctl / reference (target: <= 1).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
readyctl="$(realpath "${1:-$root/build/readyctl}")"
overlays="${OVERLAYS:-20}"
runs="${RUNS:-3}"
[[ -x "$readyctl" ]] || { echo "overlays.sh: $readyctl: not an executable (build first)" >&2; exit 2; }
command -v kubectl >/dev/null || { echo "overlays.sh: kubectl not on PATH" >&2; exit 3; }

work="$(mktemp -d "${TMPDIR:-/tmp}/readyctl-overlays.XXXXXX")"
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT
repo="$work/repo"
mkdir -p "$repo/base"

# The base: a model server, its Service, PDB and HPA, like the scaffolded projects and the upstream serving repos.
cat > "$repo/base/kustomization.yaml" <<'YAML'
resources: [deployment.yaml, service.yaml, pdb.yaml, hpa.yaml]
YAML
cat > "$repo/base/deployment.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm
spec:
  replicas: 2
  selector:
    matchLabels: {app: vllm}
  template:
    metadata:
      labels: {app: vllm}
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.10.1
          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
          ports: [{containerPort: 8000, name: http}]
          resources:
            requests: {cpu: "4", memory: 32Gi, nvidia.com/gpu: "1"}
            limits: {memory: 32Gi, nvidia.com/gpu: "1"}
          readinessProbe: {httpGet: {path: /health, port: http}, timeoutSeconds: 5}
YAML
cat > "$repo/base/service.yaml" <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: vllm
spec:
  selector: {app: vllm}
  ports: [{port: 80, targetPort: http}]
YAML
cat > "$repo/base/pdb.yaml" <<'YAML'
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: vllm
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: vllm}
YAML
cat > "$repo/base/hpa.yaml" <<'YAML'
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: vllm
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  minReplicas: 2
  maxReplicas: 8
  metrics:
    - type: Pods
      pods:
        metric: {name: vllm_num_requests_waiting}
        target: {type: AverageValue, averageValue: "4"}
YAML
for i in $(seq -w 1 "$overlays"); do
  mkdir -p "$repo/overlays/tenant-$i"
  cat > "$repo/overlays/tenant-$i/kustomization.yaml" <<YAML
namespace: tenant-$i
resources: [../../base]
patches:
  - target: {kind: HorizontalPodAutoscaler, name: vllm}
    patch: |-
      - op: replace
        path: /spec/maxReplicas
        value: $((4 + 10#$i % 5))
YAML
done

now() { date +%s.%N; }
best_of() {  # best_of LABEL CMD...: the fastest of RUNS wall times
  local best="" t0 t1 d
  for _ in $(seq "$runs"); do
    t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now)
    d=$(echo "$t1 - $t0" | bc -l)
    if [[ -z "$best" ]] || (( $(echo "$d < $best" | bc -l) )); then best=$d; fi
  done
  echo "$best"
}
render_all() { for d in "$repo"/overlays/*/; do kubectl kustomize "$d" >/dev/null; done; }

reference=$(best_of render_all)
lint=$(best_of "$readyctl" lint "$repo" -o json)
"$readyctl" lint "$repo" -o json > "$work/out.json" || true
python3 - "$work/out.json" "$overlays" "$reference" "$lint" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
overlays, reference, lint = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
findings = report["findings"]
keys = {(f["file"], f["line"], f["column"], f["rule"], f["message"]) for f in findings}
assert len(keys) == len(findings), "a finding was reported twice"
print(f"overlays                      {overlays}")
print(f"kubectl kustomize, one by one {reference:.3f} s (reference)")
print(f"readyctl lint <root>          {lint:.3f} s")
print(f"ratio                         {lint / reference:.2f} (target <= 1)")
print(f"findings                      {len(findings)} (each once)")
PY
