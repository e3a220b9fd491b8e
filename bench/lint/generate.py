#!/usr/bin/env python3
"""Generate a deterministic Kubernetes manifest corpus for benchmarking `readyctl lint`.

N objects (default 10,000) over ~N/50 multi-document files across 20 namespaces: GPU Deployments with Dapr
annotations, Services, NetworkPolicies, RBAC, ResourceQuotas, HPAs, PDBs, ConfigMaps, Istio VirtualServices and
DestinationRules, Dapr Components and Resiliency. `--scale 10` multiplies the object and file counts by ten.
Prints one JSON line: {"objects": N, "files": F, "bytes": B, "lines": L}.
"""
import argparse
import json
import os
import random

NAMESPACES = [f"tenant-{i:02d}" for i in range(20)]
IMAGES = ["registry.example.com/inference/llm-server", "registry.example.com/agents/planner",
          "registry.example.com/agents/tool-runner", "nvcr.io/nvidia/tritonserver"]
GPU_TYPES = ["nvidia-a100-80gb", "nvidia-h100-80gb", "nvidia-l4"]


def deployment(rng, ns, name):
    # Some teams suppress a rule on the pod template, with a reason (exercises the suppression lookup).
    ignore = ('        readyctl.io/ignore: "backpressure,tool-call-audit -- offline batch scoring, no callers"\n'
              if rng.random() < 0.2 else "")
    gpus = rng.choice([1, 1, 2, 4, 8])
    cpu = rng.choice([2, 4, 8, 16])
    mem = rng.choice([16, 32, 64, 128])
    image = rng.choice(IMAGES)
    tag = rng.choice([f"v{rng.randint(1, 4)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}", "latest",
                      f"sha-{rng.getrandbits(40):010x}"])
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {ns}
  labels:
    app.kubernetes.io/name: {name}
    app.kubernetes.io/part-of: inference
    team: ml-platform
spec:
  replicas: {rng.randint(1, 6)}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
        team: ml-platform
      annotations:
        dapr.io/enabled: "true"
        dapr.io/app-id: {name}
        dapr.io/app-port: "8080"
        dapr.io/config: {ns}-config
        dapr.io/sidecar-cpu-limit: "500m"
        dapr.io/sidecar-memory-limit: "256Mi"
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
{ignore}    spec:
      serviceAccountName: {name}
      terminationGracePeriodSeconds: 60
      nodeSelector:
        cloud.google.com/gke-accelerator: {rng.choice(GPU_TYPES)}
        node.kubernetes.io/instance-type: a2-highgpu-{gpus}g
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedule
        - key: dedicated
          operator: Equal
          value: inference
          effect: NoSchedule
      containers:
        - name: server
          image: {image}:{tag}
          imagePullPolicy: IfNotPresent
          args: ["--model", "/models/{name}", "--max-batch", "{rng.choice([8, 16, 32])}", "--port", "8080"]
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
          env:
            - name: MODEL_NAME
              value: {name}
            - name: CUDA_VISIBLE_DEVICES
              value: all
            - name: REQUEST_TIMEOUT
              value: "{rng.choice([30, 60, 120])}s"
          resources:
            requests:
              cpu: "{cpu}"
              memory: {mem}Gi
              nvidia.com/gpu: {gpus}
            limits:
              cpu: "{cpu}"
              memory: {mem}Gi
              nvidia.com/gpu: {gpus}
          readinessProbe:
            httpGet:
              path: /v1/health/ready
              port: http
            periodSeconds: 10
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: /v1/health/live
              port: http
            initialDelaySeconds: 120
            periodSeconds: 20
          volumeMounts:
            - name: models
              mountPath: /models
              readOnly: true
            - name: shm
              mountPath: /dev/shm
      volumes:
        - name: models
          persistentVolumeClaim:
            claimName: {name}-models
        - name: shm
          emptyDir:
            medium: Memory
            sizeLimit: 8Gi
"""


def service(rng, ns, name):
    return f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {ns}
  labels:
    app.kubernetes.io/name: {name}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: {name}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
    - name: metrics
      port: 9090
      targetPort: metrics
      protocol: TCP
"""


def network_policy(rng, ns, name):
    return f"""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {name}-ingress
  namespace: {ns}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {name}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: istio-system
        - podSelector:
            matchLabels:
              team: ml-platform
      ports:
        - protocol: TCP
          port: 8080
  egress:
    - to:
        - namespaceSelector: {{}}
      ports:
        - protocol: UDP
          port: 53
"""


def role(rng, ns, name):
    return f"""apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {name}-reader
  namespace: {ns}
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["dapr.io"]
    resources: ["components", "configurations"]
    verbs: ["get", "list"]
"""


def role_binding(rng, ns, name):
    return f"""apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {name}-reader
  namespace: {ns}
subjects:
  - kind: ServiceAccount
    name: {name}
    namespace: {ns}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {name}-reader
"""


def cluster_role(rng, ns, name):
    return f"""apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: {ns}-{name}-metrics
rules:
  - apiGroups: ["metrics.k8s.io"]
    resources: ["pods", "nodes"]
    verbs: ["get", "list"]
  - nonResourceURLs: ["/metrics"]
    verbs: ["get"]
"""


def resource_quota(rng, ns, name):
    return f"""apiVersion: v1
kind: ResourceQuota
metadata:
  name: {name}-quota
  namespace: {ns}
spec:
  hard:
    requests.cpu: "{rng.choice([64, 128, 256])}"
    requests.memory: {rng.choice([256, 512, 1024])}Gi
    requests.nvidia.com/gpu: "{rng.choice([8, 16, 32])}"
    limits.nvidia.com/gpu: "{rng.choice([8, 16, 32])}"
    pods: "{rng.choice([50, 100, 200])}"
"""


def hpa(rng, ns, name):
    return f"""apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
  namespace: {ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {name}
  minReplicas: 1
  maxReplicas: {rng.randint(4, 16)}
  metrics:
    - type: Pods
      pods:
        metric:
          name: inference_queue_depth
        target:
          type: AverageValue
          averageValue: "{rng.choice([4, 8, 16])}"
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
"""


def pdb(rng, ns, name):
    return f"""apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
  namespace: {ns}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
"""


def config_map(rng, ns, name):
    return f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-config
  namespace: {ns}
data:
  MAX_TOKENS: "{rng.choice([1024, 2048, 4096])}"
  TEMPERATURE: "0.{rng.randint(0, 9)}"
  FALLBACK_MODEL: {name}-small
  server.yaml: |
    listen: 0.0.0.0:8080
    batching:
      max_batch_size: {rng.choice([8, 16, 32])}
      max_queue_delay_ms: {rng.choice([5, 10, 50])}
    logging:
      level: info
"""


def virtual_service(rng, ns, name):
    timeout = rng.choice(["", "      timeout: 30s\n", "      timeout: 120s\n"])
    return f"""apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: {name}
  namespace: {ns}
spec:
  hosts:
    - {name}.{ns}.svc.cluster.local
  http:
    - match:
        - uri:
            prefix: /v1/
      route:
        - destination:
            host: {name}.{ns}.svc.cluster.local
            port:
              number: 80
          weight: 100
{timeout}      retries:
        attempts: {rng.choice([2, 3, 5])}
        perTryTimeout: {rng.choice([5, 10, 20])}s
        retryOn: 5xx,reset,connect-failure
"""


def destination_rule(rng, ns, name):
    return f"""apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: {name}
  namespace: {ns}
spec:
  host: {name}.{ns}.svc.cluster.local
  trafficPolicy:
    connectionPool:
      http:
        http1MaxPendingRequests: {rng.choice([32, 64, 128])}
        maxRequestsPerConnection: 10
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
      maxEjectionPercent: 50
"""


def dapr_component(rng, ns, name):
    kind = rng.choice(["pubsub", "state"])
    if kind == "pubsub":
        body = f"""  type: pubsub.redis
  version: v1
  metadata:
    - name: redisHost
      value: redis-master.{ns}.svc.cluster.local:6379
    - name: redisPassword
      secretKeyRef:
        name: redis
        key: redis-password
    - name: maxRetries
      value: "{rng.choice([3, 5, 10])}"
"""
    else:
        body = f"""  type: state.postgresql
  version: v1
  metadata:
    - name: connectionString
      secretKeyRef:
        name: postgres
        key: dsn
    - name: actorStateStore
      value: "{rng.choice(['true', 'false'])}"
"""
    return f"""apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: {name}-{kind}
  namespace: {ns}
spec:
{body}scopes:
  - {name}
"""


def dapr_resiliency(rng, ns, name):
    return f"""apiVersion: dapr.io/v1alpha1
kind: Resiliency
metadata:
  name: {name}-resiliency
  namespace: {ns}
spec:
  policies:
    timeouts:
      general: {rng.choice([5, 15, 60])}s
    retries:
      default:
        policy: exponential
        maxInterval: 15s
        maxRetries: {rng.choice([3, 5, 10])}
    circuitBreakers:
      simpleCB:
        maxRequests: 1
        timeout: 30s
        trip: consecutiveFailures >= 5
  targets:
    apps:
      {name}:
        timeout: general
        retry: default
        circuitBreaker: simpleCB
"""


# One "application" emits these objects, in this order (16 objects, ~330 lines).
APP = [deployment, service, network_policy, role, role_binding, cluster_role, resource_quota, hpa, pdb,
       config_map, virtual_service, destination_rule, dapr_component, dapr_component, dapr_resiliency, config_map]


def generate(out_dir, objects, files, seed):
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    per_file = [objects // files + (1 if i < objects % files else 0) for i in range(files)]
    total_bytes = total_lines = made = 0
    app = 0
    for i, count in enumerate(per_file):
        ns = NAMESPACES[i % len(NAMESPACES)]
        docs = []
        for k in range(count):
            slot = (made + k) % len(APP)
            if slot == 0:
                app += 1
            docs.append(APP[slot](rng, ns, f"model-{app:06d}"))
        made += count
        text = "---\n".join(docs)
        with open(os.path.join(out_dir, f"{ns}-{i:05d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        total_bytes += len(text.encode())
        total_lines += text.count("\n")
    return {"objects": made, "files": files, "bytes": total_bytes, "lines": total_lines}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out_dir")
    p.add_argument("--objects", type=int, default=10000)
    p.add_argument("--files", type=int, default=0, help="default: objects/50")
    p.add_argument("--scale", type=int, default=1, help="multiply objects and files")
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    objects = a.objects * a.scale
    files = (a.files * a.scale) if a.files else max(1, objects // 50)
    print(json.dumps(generate(a.out_dir, objects, files, a.seed)))


if __name__ == "__main__":
    main()
