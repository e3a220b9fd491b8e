#!/usr/bin/env python3
"""Synthetic cluster for `readyctl baseline` tests: OpenMetrics for promtool, and the figures it must produce.

The data is built minute by minute from a few plain rules (rates, bursts, bucket shares, pods running over
known minutes, GPU utilisation patterns, one counter reset). Expected figures are computed here, from those
rules, with PromQL's own arithmetic where the server's answer depends on it (rate() extrapolation over the
samples in the range, histogram_quantile() interpolation inside a bucket, lookback of instant selectors).
Nothing here reads readyctl's code or output.

usage: generate.py --out DIR --start UNIX --minutes N [--scenario main|legacy|bench|demo] [--seed N] [--tenants N --gpus N]
writes DIR/data.om (for `promtool tsdb create-blocks-from openmetrics`) and DIR/expected.json
"""
import argparse
import json
import math
import os
import random

STEP = 60          # sample interval and query step (seconds)
RATE_WINDOW = 120  # readyctl's rate window for a 60 s step: max(step, 120 s)
LEAD = 10          # minutes of data before the window, so rates at its first points have samples

E2E_BUCKETS = [0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, math.inf]
TTFT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, math.inf]
ITL_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, math.inf]

H100 = "NVIDIA H100 80GB HBM3"
L4 = "NVIDIA L4"
A100 = "NVIDIA A100-SXM4-80GB"
PRICES = {H100: 6.88, L4: 0.8048, A100: 3.431}  # readyctl's documented defaults for these models
CPU_PRICE = 0.031611
MEM_PRICE = 0.004237
GIB = 1024.0 ** 3


# ---------------------------------------------------------------------------------------------- the cluster
def main_tenants():
    """Each tenant: request rate per minute, shares of requests per bucket, pods with GPUs."""
    return [
        dict(name="team-a", base=5.0, bursts=[(120, 150, 20.0)], abort=0.02, prompt=800, gen=200, hit=0.4,
             e2e=[0.05, 0.25, 0.35, 0.2, 0.1, 0.04, 0.01, 0.0], ttft=[0.3, 0.3, 0.2, 0.1, 0.06, 0.04, 0.0],
             itl=[0.2, 0.5, 0.2, 0.08, 0.02, 0.0], queue=lambda m: (10 + (m - 120) % 5) if 120 <= m < 150 else 0,
             reset_at=200, envoy_retry=0.1,
             pods=[dict(name="a-0", gpus=2, model=H100, util=[lambda m: 70 + 10 * math.sin(m / 30), lambda m: 50.0],
                        cpu_req=4, cpu_use=5.0, mem_req=32 * GIB, mem_use=30 * GIB, run=(None, None)),
                   dict(name="a-1", gpus=2, model=H100, util=[lambda m: 90.0, lambda m: 85.0],
                        cpu_req=4, cpu_use=3.0, mem_req=32 * GIB, mem_use=20 * GIB, run=(120, 240))]),
        dict(name="team-b", base=2.0, bursts=[(300, 320, 8.0)], abort=0.05, prompt=2000, gen=500, hit=0.1,
             e2e=[0.0, 0.05, 0.15, 0.3, 0.3, 0.15, 0.05, 0.0], ttft=[0.1, 0.2, 0.3, 0.2, 0.1, 0.08, 0.02],
             itl=[0.1, 0.3, 0.3, 0.2, 0.1, 0.0], queue=lambda m: 3 if 300 <= m < 320 else (1 if m % 10 == 0 else 0),
             reset_at=None, envoy_retry=None,
             pods=[dict(name="b-0", gpus=1, model=L4, util=[lambda m: 30.0 + (m % 20)],
                        cpu_req=2, cpu_use=1.5, mem_req=16 * GIB, mem_use=12 * GIB, run=(None, None),
                        # Scraped by a ServiceMonitor with honorLabels: false: the exporter's own namespace wins
                        # and the workload's moves to exported_namespace / exported_pod.
                        dcgm_exported=True)]),
        dict(name="team-c", base=1.0, bursts=[], abort=0.0, prompt=300, gen=100, hit=0.6,
             e2e=[0.5, 0.3, 0.15, 0.05, 0.0, 0.0, 0.0, 0.0], ttft=[0.6, 0.3, 0.1, 0.0, 0.0, 0.0, 0.0],
             itl=[0.5, 0.4, 0.1, 0.0, 0.0, 0.0], queue=lambda m: 0,
             reset_at=None, envoy_retry=None,
             pods=[dict(name="c-0", gpus=1, model=A100, util=[lambda m: 40.0], cpu_req=1, cpu_use=0.5,
                        mem_req=8 * GIB, mem_use=6 * GIB, run=(None, None)),
                   dict(name="c-1", gpus=1, model=A100, util=[lambda m: 60.0], cpu_req=1, cpu_use=0.5,
                        mem_req=8 * GIB, mem_use=7 * GIB, run=(None, None))]),
        dict(name="batch-jobs", base=None, pods=[dict(name="train-0", gpus=4, model=H100,
             util=[lambda m: 95.0] * 4, cpu_req=8, cpu_use=6.0, mem_req=64 * GIB, mem_use=60 * GIB, run=(0, 60))]),
    ]


def bench_tenants(n_tenants, n_gpus):
    """Many tenants, each with one pod holding its share of the GPUs: size without new shapes."""
    tenants = []
    per = max(1, n_gpus // n_tenants)
    for i in range(n_tenants):
        tenants.append(dict(name=f"tenant-{i:03d}", base=1.0 + i % 7, bursts=[(100 + i, 130 + i, 6.0 + i % 5)],
                            abort=0.01, prompt=500 + 10 * i, gen=150, hit=0.3,
                            e2e=[0.05, 0.25, 0.35, 0.2, 0.1, 0.04, 0.01, 0.0],
                            ttft=[0.3, 0.3, 0.2, 0.1, 0.06, 0.04, 0.0], itl=[0.2, 0.5, 0.2, 0.08, 0.02, 0.0],
                            queue=lambda m: 2 if m % 60 < 5 else 0, reset_at=None, envoy_retry=None,
                            pods=[dict(name=f"p{i}", gpus=per, model=H100,
                                       util=[(lambda k: (lambda m: 20.0 + (k * 7 + m) % 70))(g) for g in range(per)],
                                       cpu_req=4, cpu_use=3.0, mem_req=32 * GIB, mem_use=20 * GIB, run=(None, None))]))
    return tenants


def demo_tenants(seed, days=1):
    """The bundled demo: `days` days with a diurnal envelope and the same bursts each afternoon. `seed` draws each
    week's own levels (base rates, burst heights, the batch job's length, cache hits) from fixed ranges, so two
    weeks from two seeds differ as two real weeks do: by tens of percent, never by orders of magnitude. The second
    replica and the batch job run once, on the first day."""
    rng = random.Random(seed)
    tenants = main_tenants()
    a, b, c, batch = tenants
    for t in (a, b, c):
        t["diurnal"] = True
        t["base"] *= rng.uniform(0.85, 1.15)

    def daily(bursts):
        return [(lo + 1440 * d, hi + 1440 * d, r) for d in range(days) for lo, hi, r in bursts]
    a["bursts"] = daily([(600, 660, 22.0 * rng.uniform(0.75, 1.1)), (1000, 1020, 12.0 * rng.uniform(0.8, 1.2))])
    a["queue"] = lambda m: (8 + (m % 1440 - 600) % 7) if 600 <= m % 1440 < 660 else (1 if m % 30 == 0 else 0)
    a["reset_at"] = 700
    a["pods"][1]["run"] = (540, 780)
    b["bursts"] = daily([(900, 930, 9.0 * rng.uniform(0.7, 1.1))])
    b["queue"] = lambda m: 4 if 900 <= m % 1440 < 930 else (1 if m % 12 == 0 else 0)
    c["hit"] = round(rng.uniform(0.55, 0.7), 2)
    batch["pods"][0]["run"] = (60, 60 + rng.choice([240, 300, 360]))
    return tenants


def rate_at(t, m):
    """Requests per second of tenant t during minute m (the interval ending at sample m + 1)."""
    r = t["base"]
    if t.get("diurnal"):  # quiet nights, busy afternoons
        r *= 0.35 + 0.65 * 0.5 * (1 - math.cos(2 * math.pi * ((m - 180) % 1440) / 1440))
    for lo, hi, burst in t["bursts"]:
        if lo <= m < hi:
            r = burst
    return r


def running(pod, m):
    lo, hi = pod["run"]
    return (lo is None or m >= lo) and (hi is None or m < hi)


# ------------------------------------------------------------------------------------- series construction
class Writer:
    def __init__(self, start, minutes):
        self.start = start
        self.minutes = range(-LEAD, minutes + 1)  # sample minute indices; sample m is at start + 60 m
        self.families = {}                         # family -> (type, {labels: [(t, v)]})

    def ts(self, m):
        return self.start + STEP * m

    def add(self, family, kind, name, labels, samples):
        self.families.setdefault(family, (kind, {}))[1][(name, tuple(sorted(labels.items())))] = samples

    def write(self, path):
        with open(path, "w") as f:
            for family, (kind, series) in self.families.items():
                f.write(f"# TYPE {family} {kind}\n")
                for (name, labels), samples in series.items():
                    lbl = ",".join(f'{k}="{v}"' for k, v in labels)
                    for t, v in samples:
                        f.write(f"{name}{{{lbl}}} {fmt(v)} {t}\n")
            f.write("# EOF\n")


def fmt(v):
    if v == math.inf:
        return "+Inf"
    return repr(float(v))


def counter(w, per_minute, reset_at=None):
    """Cumulative samples from increments per minute; after a reset the counter restarts from 0."""
    value, out = 1000.0, []
    for m in w.minutes:
        if m > -LEAD:
            inc = per_minute(m - 1)
            value = inc if reset_at is not None and m - 1 == reset_at else value + inc
        out.append((w.ts(m), value))
    return out


def gauge(w, at_minute):
    return [(w.ts(m), float(at_minute(m))) for m in w.minutes]


def le_text(b):
    return "+Inf" if b == math.inf else repr(float(b))


# ------------------------------------------------------------------------------------ PromQL's arithmetic
def in_range(samples, t_end, rng):
    return [(t, v) for t, v in samples if t_end - rng <= t <= t_end]  # Prometheus 2.x: both ends inclusive


def extrapolated_increase(samples, t_end, rng, is_rate=False):
    """promql/functions.go extrapolatedRate, as of v2.42 (counter)."""
    s = in_range(samples, t_end, rng)
    if len(s) < 2:
        return None
    result = s[-1][1] - s[0][1]
    for (_, a), (_, b) in zip(s, s[1:]):
        if b < a:
            result += a
    start, end = t_end - rng, t_end
    to_start, to_end = s[0][0] - start, end - s[-1][0]
    sampled = s[-1][0] - s[0][0]
    avg = sampled / (len(s) - 1)
    if result > 0 and s[0][1] >= 0:
        to_zero = sampled * (s[0][1] / result)
        if to_zero < to_start:
            to_start = to_zero
    threshold = avg * 1.1
    interval = sampled + (to_start if to_start < threshold else avg / 2) + (to_end if to_end < threshold else avg / 2)
    result *= interval / sampled
    return result / rng if is_rate else result


def instant(samples, t):
    """Latest sample at or before t within the 5 m lookback."""
    best = None
    for ts, v in samples:
        if t - 300 <= ts <= t:
            best = v
    return best


def bucket_quantile(q, buckets):
    """promql/quantile.go bucketQuantile (v2.42) over [(upper bound, cumulative count)]."""
    buckets = sorted(buckets)
    if not buckets or buckets[-1][0] != math.inf or len(buckets) < 2:
        return None
    counts = [c for _, c in buckets]
    for i in range(1, len(counts)):  # ensureMonotonic
        counts[i] = max(counts[i], counts[i - 1])
    total = counts[-1]
    if total == 0:
        return None
    rank = q * total
    b = next(i for i, c in enumerate(counts) if c >= rank)
    if b == len(buckets) - 1:
        return buckets[-2][0]
    if b == 0 and buckets[0][0] <= 0:
        return buckets[0][0]
    lo, hi, count = 0.0, buckets[b][0], counts[b]
    if b > 0:
        lo = buckets[b - 1][0]
        count -= counts[b - 1]
        rank -= counts[b - 1]
    return lo + (hi - lo) * (rank / count)


def linear_quantile(values, q):
    v = sorted(values)
    rank = q * (len(v) - 1)
    lo = math.floor(rank)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] * (1 - (rank - lo)) + v[hi] * (rank - lo)


def stddev(values):
    mean = sum(values) / len(values)
    return math.sqrt(sum((x - mean) ** 2 for x in values) / len(values))


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


# --------------------------------------------------------------------------------------------- generation
def build(w, tenants, legacy, nodes=2):
    """Writes every series into w; returns per-tenant raw series for the expectations."""
    raw = {}
    succ = "vllm:request_success" if legacy else "vllm:request_success_total"
    itl_name = "vllm:time_per_output_token_seconds" if legacy else "vllm:inter_token_latency_seconds"
    pfx = "vllm:gpu_prefix_cache_" if legacy else "vllm:prefix_cache_"
    ctype = "unknown" if legacy else "counter"

    def cname(base):  # counter sample name: bare in legacy pipelines
        return base if legacy else base + "_total"

    def cfam(base):
        return base

    for t in tenants:
        r = raw[t["name"]] = dict(req=[], abort=[], buckets={}, queue=[], prompt=[], gen=[], hits=[], queries=[],
                                  envoy_total=[], envoy_retry=[], pods=t["pods"])
        lb = dict(namespace=t["name"], model_name=t.get("model", "llama-3-8b"))
        if t.get("base") is not None:
            reqs = lambda m, t=t: rate_at(t, m) * 60
            for reason, share, reset in (("stop", 1 - t["abort"], t["reset_at"]), ("abort", t["abort"], None)):
                s = counter(w, lambda m, share=share: reqs(m) * share, reset)
                w.add("vllm:request_success", ctype, succ if not legacy else "vllm:request_success",
                      dict(lb, finished_reason=reason), s)
                r["req"].append(s)
                if reason == "abort":
                    r["abort"].append(s)
            for key, name, bounds in (("e2e", "vllm:e2e_request_latency_seconds", E2E_BUCKETS),
                                      ("ttft", "vllm:time_to_first_token_seconds", TTFT_BUCKETS),
                                      ("itl", itl_name, ITL_BUCKETS)):
                shares = t[key]
                for i, ub in enumerate(bounds):
                    cum = sum(shares[: i + 1])
                    s = counter(w, lambda m, cum=cum: reqs(m) * cum)
                    w.add(name, "histogram", name + "_bucket", dict(lb, le=le_text(ub)), s)
                    r["buckets"].setdefault(key, {}).setdefault(ub, []).append(s)
                w.add(name, "histogram", name + "_count", lb, counter(w, reqs))
                w.add(name, "histogram", name + "_sum", lb, counter(w, lambda m: reqs(m) * 0.5))
            s = gauge(w, t["queue"])
            w.add("vllm:num_requests_waiting", "gauge", "vllm:num_requests_waiting", lb, s)
            r["queue"].append(s)
            build_engine_pods(w, t, lb, ctype, cname)
            for key, name, per in (("prompt", "vllm:prompt_tokens", t["prompt"]), ("gen", "vllm:generation_tokens", t["gen"])):
                s = counter(w, lambda m, per=per: reqs(m) * per)
                w.add(cfam(name), ctype, cname(name), lb, s)
                r[key].append(s)
            for key, frac in (("queries", 1.0), ("hits", t["hit"])):
                s = counter(w, lambda m, frac=frac: reqs(m) * t["prompt"] * frac)
                w.add(pfx + key, ctype, cname(pfx + key), lb, s)
                r[key].append(s)
            if t["envoy_retry"]:
                el = dict(namespace=t["name"], envoy_cluster_name="vllm-" + t["name"])
                s = counter(w, lambda m: reqs(m) * (1 + t["envoy_retry"]))
                w.add("envoy_cluster_upstream_rq", "counter", "envoy_cluster_upstream_rq_total", el, s)
                r["envoy_total"].append(s)
                s = counter(w, lambda m: reqs(m) * t["envoy_retry"])
                w.add("envoy_cluster_upstream_rq_retry", "unknown", "envoy_cluster_upstream_rq_retry", el, s)
                r["envoy_retry"].append(s)
        if not legacy:
            build_pods(w, t, r)
    if not legacy:
        for node in (f"gpu-node-{n + 1}" for n in range(nodes)):
            w.add("kube_node_status_allocatable", "gauge", "kube_node_status_allocatable",
                  dict(node=node, resource="nvidia_com_gpu", unit="integer"), gauge(w, lambda m: 8))
    return raw


def build_engine_pods(w, t, lb, ctype, cname):
    """Per replica, as a PodMonitor scrapes them (with `pod`): requests running, KV-cache use, preemptions.
    A replica's series exist only while its pod runs, so counting them counts replicas."""
    for pod in t["pods"]:
        pl = dict(lb, pod=pod["name"])
        live = [m for m in w.minutes if running(pod, m)]
        w.add("vllm:num_requests_running", "gauge", "vllm:num_requests_running", pl,
              [(w.ts(m), float(t.get("running", 4))) for m in live])
        w.add("vllm:kv_cache_usage_perc", "gauge", "vllm:kv_cache_usage_perc", pl,
              [(w.ts(m), float(t.get("kv", lambda m: 0.3)(m))) for m in live])
        preempt = t.get("preempt", 0.0)
        total, samples = 0.0, []
        for m in live:
            samples.append((w.ts(m), total))
            total += preempt
        w.add("vllm:num_preemptions", ctype, cname("vllm:num_preemptions"), pl, samples)


def recommend_tenants():
    """Right-sizing scenarios whose answer is known from how they are built (docs/recommend.md's method, target 0.7
    at the window's peak): per tenant, the replicas and GPUs it runs and what a recommendation must say."""
    def pods(prefix, n, gpus, model, util):
        return [dict(name=f"{prefix}-{i}", gpus=gpus, model=model, util=[lambda m, u=util: u] * gpus, cpu_req=2,
                     cpu_use=1.0, mem_req=16 * GIB, mem_use=8 * GIB, run=(None, None)) for i in range(n)]
    quick = dict(e2e=[0.2, 0.5, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0], ttft=[0.5, 0.4, 0.1, 0.0, 0.0, 0.0, 0.0],
                 itl=[0.5, 0.4, 0.1, 0.0, 0.0, 0.0])
    slow = dict(e2e=[0.0, 0.0, 0.0, 0.1, 0.3, 0.4, 0.2, 0.0], ttft=[0.0, 0.0, 0.05, 0.15, 0.3, 0.3, 0.2],
                itl=[0.0, 0.1, 0.3, 0.4, 0.2, 0.0])
    base = dict(bursts=[], abort=0.0, prompt=500, gen=100, hit=0.3, reset_at=None, envoy_retry=None)
    return [
        # 4 x 1 GPU at 10 %: the peak needs 0.4 GPU, one replica at 0.7 holds it.
        dict(base, name="over", base=2.0, queue=lambda m: 0, kv=lambda m: 0.1, running=2, **quick,
             pods=pods("over", 4, 1, H100, 10.0), expect=dict(verdict="over-provisioned", replicas=4, gpus_per_replica=1,
                                                               recommended=1)),
        # 2 x 1 GPU at 95 %, a queue growing from 0 to 40, the KV cache full, preemptions, TTFT p95 over 2 s:
        # never fewer; at least one more, at most what running + queued requests need: ceil(2 x (64 + 40) / 64).
        dict(base, name="saturated", base=8.0, queue=lambda m: max(0, min(40, m // 6)), kv=lambda m: 0.97, running=32,
             preempt=3.0, **slow, pods=pods("sat", 2, 1, H100, 95.0),
             expect=dict(verdict="saturated", replicas=2, gpus_per_replica=1, at_least=3,
                         at_most=math.ceil(2 * (64 + 40) / 64))),
        # 3 x 1 GPU at 65 %: within 0.1 of the target, hold.
        dict(base, name="rightsized", base=5.0, queue=lambda m: 0, kv=lambda m: 0.5, running=8, **quick,
             pods=pods("right", 3, 1, L4, 65.0), expect=dict(verdict="right-sized", replicas=3, gpus_per_replica=1,
                                                              recommended=3)),
        # 3 replicas of 4 GPUs (tensor parallel) at 30 %: the peak keeps 3.6 GPUs busy, 3.6 / (0.7 x 4) -> 2 replicas.
        dict(base, name="tensor-parallel", base=3.0, queue=lambda m: 0, kv=lambda m: 0.2, running=4, **quick,
             pods=pods("tp", 3, 4, A100, 30.0), expect=dict(verdict="over-provisioned", replicas=3, gpus_per_replica=4,
                                                             recommended=2)),
        # One tenant, two models: each is sized on its own pods (the per-model split queries), not the tenant's mix.
        dict(base, name="multi", model="small", base=1.0, queue=lambda m: 0, kv=lambda m: 0.1, running=2, **quick,
             pods=pods("small", 2, 1, L4, 10.0), expect=dict(verdict="over-provisioned", replicas=2, gpus_per_replica=1,
                                                              recommended=1)),
        dict(base, name="multi", model="large", base=4.0, queue=lambda m: 0, kv=lambda m: 0.4, running=6, **quick,
             pods=pods("large", 2, 2, H100, 60.0), expect=dict(verdict="right-sized", replicas=2, gpus_per_replica=2,
                                                               recommended=2)),
        # GPUs and DCGM but no engine metrics: nothing to size on, so no change and low confidence.
        dict(name="no-engine", base=None, pods=pods("job", 2, 1, H100, 50.0),
             expect=dict(verdict="no engine metrics", gpus=2, recommended_gpus=2)),
    ]


def build_pods(w, t, r):
    for pod in t["pods"]:
        pl = dict(namespace=t["name"], pod=pod["name"], container="main")
        for res, unit, value in (("nvidia_com_gpu", "integer", pod["gpus"]), ("cpu", "core", pod["cpu_req"]),
                                 ("memory", "byte", pod["mem_req"])):
            w.add("kube_pod_container_resource_requests", "gauge", "kube_pod_container_resource_requests",
                  dict(pl, node="gpu-node-1", resource=res, unit=unit), gauge(w, lambda m, v=value: v))
        for phase, test in (("Running", lambda m: running(pod, m)),
                            ("Pending", lambda m: pod["run"][0] is not None and m < pod["run"][0]),
                            ("Succeeded", lambda m: pod["run"][1] is not None and m >= pod["run"][1])):
            s = gauge(w, lambda m, test=test: 1 if test(m) else 0)
            w.add("kube_pod_status_phase", "gauge", "kube_pod_status_phase",
                  dict(namespace=t["name"], pod=pod["name"], phase=phase), s)
            if phase == "Running":
                pod["phase_samples"] = s
        pod["cpu_samples"] = counter(w, lambda m: pod["cpu_use"] * 60 if running(pod, m) else 0)
        w.add("container_cpu_usage_seconds", "counter", "container_cpu_usage_seconds_total",
              dict(pl, image="vllm/vllm-openai:v0.11"), pod["cpu_samples"])
        pod["mem_samples"] = [(w.ts(m), pod["mem_use"]) for m in w.minutes if running(pod, m)]
        w.add("container_memory_working_set_bytes", "gauge", "container_memory_working_set_bytes",
              dict(pl, image="vllm/vllm-openai:v0.11"), pod["mem_samples"])
        pod["util_samples"] = []
        for g, util in enumerate(pod["util"]):
            s = [(w.ts(m), float(util(m))) for m in w.minutes if running(pod, m)]
            owner = pl
            if pod.get("dcgm_exported"):
                owner = dict(namespace="gpu-operator", pod="dcgm-exporter-x7k2p", container="exporter",
                             exported_namespace=pl["namespace"], exported_pod=pl["pod"], exported_container="main")
            w.add("DCGM_FI_DEV_GPU_UTIL", "gauge", "DCGM_FI_DEV_GPU_UTIL",
                  dict(owner, gpu=str(g), UUID=f"GPU-{t['name']}-{pod['name']}-{g}", modelName=pod["model"],
                       Hostname="gpu-node-1"), s)
            pod["util_samples"].append(s)


# ------------------------------------------------------------------------------------------- expectations
class Expect:
    def __init__(self, start, minutes):
        self.start, self.end, self.window = start, start + minutes * STEP, minutes * STEP
        self.points = [start + STEP * k for k in range(1, minutes + 1)]

    def increase(self, series_list):
        vals = [extrapolated_increase(s, self.end, self.window) for s in series_list]
        vals = [v for v in vals if v is not None]
        return sum(vals) if vals else None

    def per_step(self, fn):
        """fn(t) -> list of per-series values (None when absent); a step with no value at all is None."""
        out = []
        for t in self.points:
            vals = [v for v in fn(t) if v is not None]
            out.append(sum(vals) if vals else None)
        return out

    def rate_series(self, series_list):
        return self.per_step(lambda t: [extrapolated_increase(s, t, RATE_WINDOW, True) for s in series_list])

    def gauge_series(self, series_list):
        return self.per_step(lambda t: [instant(s, t) for s in series_list])


def present(values):
    return [v for v in values if v is not None]


def hours(values):
    v = present(values)
    return sum(v) * STEP / 3600 if v else None


def mean(values):
    v = present(values)
    return sum(v) / len(v) if v else None


def quantiles(e, bucket_sets, prefix, out):
    """bucket_sets: [{upper bound: [series]}] summed together, then p50/p95/p99 over the whole window."""
    bounds = sorted(set(ub for bs in bucket_sets for ub in bs))
    buckets = []
    for ub in bounds:
        inc = e.increase([s for bs in bucket_sets for s in bs.get(ub, [])])
        if inc is not None:
            buckets.append((ub, inc))
    for q, label in ((0.5, "p50"), (0.95, "p95"), (0.99, "p99")):
        out[f"{prefix}.{label}"] = bucket_quantile(q, buckets) if buckets else None


def gpu_means(e, pods):
    means, models = [], {}
    for pod in pods:
        for s in pod.get("util_samples", []):
            inside = in_range(s, e.end, e.window)
            if inside:
                means.append(sum(v for _, v in inside) / len(inside) / 100)
                models[pod["model"]] = models.get(pod["model"], 0) + 1
    return means, models


def pod_series(e, pods):
    """Per step: GPUs, CPU cores and memory requested by running pods; CPU and memory used."""
    def requested(t, key):
        return [pod[key] if instant(pod["phase_samples"], t) == 1 else None for pod in pods if "phase_samples" in pod]
    return dict(gpus=e.per_step(lambda t: requested(t, "gpus")),
                cpu_req=e.per_step(lambda t: requested(t, "cpu_req")),
                mem_req=e.per_step(lambda t: requested(t, "mem_req")),
                cpu_use=e.rate_series([p["cpu_samples"] for p in pods if "cpu_samples" in p]),
                mem_use=e.gauge_series([p["mem_samples"] for p in pods if "mem_samples" in p]))


def billable(req, use):
    steps = []
    for r, u in zip(req, use):
        steps.append(max(r, u) if r is not None and u is not None else (r if r is not None else u))
    return hours(steps) if req or use else None


def figures(e, raw_list, cluster=False):
    f = {}
    total = e.increase([s for r in raw_list for s in r["req"]])
    rate = e.rate_series([s for r in raw_list for s in r["req"]])
    f["requests.total"] = total
    f["requests.rate_mean"] = total / e.window if total is not None else None
    f["requests.rate_peak"] = max(present(rate)) if present(rate) else None
    f["requests.peak_to_mean"] = ratio(f["requests.rate_peak"], f["requests.rate_mean"])
    f["requests.error_ratio"] = ratio(e.increase([s for r in raw_list for s in r["abort"]]), total)
    for key in ("e2e", "ttft", "itl"):
        quantiles(e, [r["buckets"][key] for r in raw_list if key in r["buckets"]], f"latency_seconds.{key}", f)
    q = present(e.gauge_series([s for r in raw_list for s in r["queue"]]))
    f["queue.mean"] = sum(q) / len(q) if q else None
    f["queue.p95"] = linear_quantile(q, 0.95) if q else None
    f["queue.max"] = max(q) if q else None
    f["queue.cv"] = (stddev(q) / f["queue.mean"] if f["queue.mean"] else 0.0) if q else None
    f["tokens.prompt"] = e.increase([s for r in raw_list for s in r["prompt"]])
    f["tokens.generation"] = e.increase([s for r in raw_list for s in r["gen"]])
    f["prefix_cache_hit_ratio"] = ratio(e.increase([s for r in raw_list for s in r["hits"]]),
                                        e.increase([s for r in raw_list for s in r["queries"]]))
    pods = [p for r in raw_list for p in r["pods"]]
    ps = pod_series(e, pods)
    f["gpu.allocated_gpu_hours"] = hours(ps["gpus"])
    means, models = gpu_means(e, pods)
    f["gpu.utilization_mean"] = sum(means) / len(means) if means else None
    f["gpu.utilization_cv"] = ratio(stddev(means), f["gpu.utilization_mean"]) if means else None
    f["resources.cpu_cores_used"] = mean(ps["cpu_use"])
    f["resources.cpu_cores_requested"] = mean(ps["cpu_req"])
    f["resources.memory_gib_used"] = mean(ps["mem_use"]) / GIB if mean(ps["mem_use"]) is not None else None
    f["resources.memory_gib_requested"] = mean(ps["mem_req"]) / GIB if mean(ps["mem_req"]) is not None else None
    env_total = e.increase([s for r in raw_list for s in r["envoy_total"]])
    env_retry = e.increase([s for r in raw_list for s in r["envoy_retry"]])
    f["retry_amplification"] = ratio(env_total, env_total - env_retry) if env_total and env_retry else None
    if not cluster:
        costs(f, ps, models)
    return f


def costs(f, ps, models):
    gpu_count = sum(models.values())
    price = sum(PRICES[m] * n for m, n in models.items()) / gpu_count if gpu_count else PRICES[H100]
    gpu = f["gpu.allocated_gpu_hours"] * price if f["gpu.allocated_gpu_hours"] is not None else None
    cpu = billable(ps["cpu_req"], ps["cpu_use"])
    mem = billable(ps["mem_req"], ps["mem_use"])
    f["cost.gpu"] = gpu
    f["cost.cpu"] = cpu * CPU_PRICE if cpu is not None else None
    f["cost.memory"] = mem * MEM_PRICE / GIB if mem is not None else None
    parts = present([f["cost.gpu"], f["cost.cpu"], f["cost.memory"]])
    f["cost.total"] = sum(parts) if parts else None
    tokens = present([f["tokens.prompt"], f["tokens.generation"]])
    f["cost.per_million_tokens"] = f["cost.total"] / sum(tokens) * 1e6 if tokens and f["cost.total"] is not None else None
    util = f["gpu.utilization_mean"]
    f["cost.idle_gpu"] = gpu * (1 - min(1, max(0, util))) if gpu is not None and util is not None else None


def cluster_costs(c, tenants, allocatable_hours):
    for key in ("cost.gpu", "cost.cpu", "cost.memory", "cost.idle_gpu"):
        vals = present([t[key] for t in tenants.values()])
        c[key] = sum(vals) if vals else None
    if allocatable_hours is not None and c["gpu.allocated_gpu_hours"] is not None:
        spare = max(0.0, allocatable_hours - c["gpu.allocated_gpu_hours"]) * PRICES[H100]
        c["cost.idle_gpu"] = (c["cost.idle_gpu"] or 0) + spare
    parts = present([c["cost.gpu"], c["cost.cpu"], c["cost.memory"]])
    c["cost.total"] = sum(parts) if parts else None
    tokens = present([c["tokens.prompt"], c["tokens.generation"]])
    c["cost.per_million_tokens"] = c["cost.total"] / sum(tokens) * 1e6 if tokens and c["cost.total"] is not None else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--start", type=int, required=True)
    ap.add_argument("--minutes", type=int, default=360)
    ap.add_argument("--scenario", default="main", choices=["main", "legacy", "bench", "demo", "recommend"])
    ap.add_argument("--seed", type=int, default=1, help="demo: draws the week's levels (another seed, another week)")
    ap.add_argument("--tenants", type=int, default=50)
    ap.add_argument("--gpus", type=int, default=400)
    a = ap.parse_args()
    if a.start % STEP:
        raise SystemExit("--start must be a multiple of 60")
    legacy = a.scenario == "legacy"
    if a.scenario == "bench":
        tenants = bench_tenants(a.tenants, a.gpus)
    elif a.scenario == "demo":
        tenants = demo_tenants(a.seed, max(1, a.minutes // 1440))
    else:
        tenants = main_tenants()
    if legacy:
        tenants = [t for t in tenants if t["name"] == "team-a"]
    if a.scenario == "recommend":
        tenants = recommend_tenants()
    w = Writer(a.start, a.minutes)
    raw = build(w, tenants, legacy, 4 if a.scenario == "recommend" else 2)
    os.makedirs(a.out, exist_ok=True)
    w.write(os.path.join(a.out, "data.om"))
    if a.scenario == "recommend":
        with open(os.path.join(a.out, "expected.json"), "w") as f:
            # 4 nodes of 8 GPUs against 29 GPUs requested by pods: 3 no pod requested.
            key = lambda t: t["name"] + "/" + (t.get("model", "llama-3-8b") if t["base"] is not None else "")
            json.dump(dict(deployments={key(t): t["expect"] for t in tenants}, cluster=dict(unrequested_gpus=3)), f,
                      indent=1)
        return
    if a.scenario != "main" and a.scenario != "legacy":
        return
    e = Expect(a.start, a.minutes)
    expected = {"window": {"start": e.start, "end": e.end, "step_seconds": STEP}, "tenants": {}}
    for name, r in raw.items():
        expected["tenants"][name] = figures(e, [r])
    cluster = figures(e, list(raw.values()), cluster=True)
    alloc = None if legacy else hours([16] * a.minutes)
    cluster_costs(cluster, expected["tenants"], alloc)
    expected["cluster"] = cluster
    with open(os.path.join(a.out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main()
