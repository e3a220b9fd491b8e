// What each model deployment of a tenant ran and how hard it worked: the figures a right-sizing rests on.
#pragma once
#include <string>
#include <vector>

#include "readyctl/baseline/statistics.hpp"

namespace readyctl::baseline {

// One tenant's replicas of one model (engine metrics grouped by tenant label and `model_name`), over the window.
// Every figure is nullopt when its signal had no data; recommendations say which.
struct ServingFigures {
  std::string tenant;
  std::string model;               // "" when the engine names none
  Figure replicas;                 // engine pods reporting at the window's end (the `pod` label of `running`)
  Figure gpus;                     // GPUs those pods requested at that step
  Figure gpus_per_replica;         // gpus / replicas, rounded: the step a deployment moves in
  Figure rate_mean, rate_peak;     // requests/s, per step
  Figure running_peak;             // requests being served at the busiest step (all replicas)
  Figure queue_p95, queue_max;     // waiting requests (all replicas), over the steps
  Figure queue_first, queue_last;  // mean waiting requests over the first and the last quarter of the window
  Figure kv_peak, kv_mean;         // KV-cache use (0..1): the fullest replica's peak, the mean over replicas
  Figure preemptions;              // over the window
  Figure ttft_p95, e2e_p95, e2e_mean;  // seconds, over the window
  Figure util_mean, util_peak;     // GPU utilisation of the replicas' GPUs (0..1), per step
  Figure busy_gpus_peak;           // max over steps of utilisation x GPUs: GPUs' worth of work at the peak
};

}  // namespace readyctl::baseline
