// job-limits: GPU Jobs and CronJobs are bounded in time, retries and leftovers, CronJobs do not overlap, and every
// CronJob schedule parses.
#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"
#include "readyctl/lint/cron_schedule.hpp"

namespace readyctl::lint {
namespace {

bool runs_gpu_pods(const CheckContext& ctx, const Object& o)
{
  for (const PodTemplate& pod : ctx.graph.pods_of(&o))
    if (pod_uses_gpu(pod)) return true;
  return false;
}

// `holder` is the mapping that holds the JobSpec; `key` its key, where a missing field is reported.
void check_job_spec(const CheckContext& ctx, const Object& o, const yaml::Node* job, const yaml::Node* key, bool standalone)
{
  if (!job || !job->is_mapping()) return;
  if (!job->get("activeDeadlineSeconds"))
    ctx.sink.report(o, key, "GPU job sets no activeDeadlineSeconds: a hung run holds its GPUs until someone notices");
  long long max_backoff = ctx.rule.param_int("maxBackoffLimit");
  if (const yaml::Node* b = job->get("backoffLimit"); b && b->as_int().value_or(0) > max_backoff)
    ctx.sink.report(o, b, fmt::format("GPU job's backoffLimit {} is above {}: every retry reruns the GPU work from the "
                                      "start",
                                      b->str(), max_backoff));
  if (standalone && !job->get("ttlSecondsAfterFinished"))
    ctx.sink.report(o, key, "GPU job sets no ttlSecondsAfterFinished: the finished Job and its pods stay until deleted "
                            "by hand");
}

void check_job(const CheckContext& ctx, const Object& job)
{
  if (!job.is("Job", "batch") || !runs_gpu_pods(ctx, job)) return;
  // A Job a CronJob made is judged through its CronJob, whose history limits clean it up.
  if (const yaml::Node* owners = job.metadata ? job.metadata->get("ownerReferences") : nullptr; owners) return;
  check_job_spec(ctx, job, job.spec, job.root->key_node("spec"), true);
}

void check_schedule(const CheckContext& ctx, const Object& cron)
{
  const yaml::Node* schedule = cron.spec->get("schedule");
  if (!schedule || !schedule->is_scalar()) return;
  CronSchedule parsed = parse_cron_schedule(schedule->str());
  if (parsed.problem)
    ctx.sink.report(cron, schedule, fmt::format("schedule '{}' does not parse at character {}: {}", schedule->str(),
                                                parsed.problem->offset + 1, parsed.problem->message));
  else if (!parsed.time_zone.empty())
    ctx.sink.report(cron, schedule, fmt::format("schedule sets its time zone with a TZ prefix ('{}'): the API server "
                                                "rejects TZ and CRON_TZ in a new CronJob's schedule; use spec.timeZone",
                                                parsed.time_zone));
}

void check_cron_job(const CheckContext& ctx, const Object& cron)
{
  if (!cron.is("CronJob", "batch") || !cron.spec) return;
  check_schedule(ctx, cron);
  if (!runs_gpu_pods(ctx, cron)) return;
  const yaml::Node* spec_key = cron.root->key_node("spec");
  const yaml::Node* policy = cron.spec->get("concurrencyPolicy");
  if (!policy || policy->str() != "Forbid")
    ctx.sink.report(cron, policy ? policy : spec_key,
                    fmt::format("GPU CronJob's concurrencyPolicy is {}: a run that overruns its slot starts a second "
                                "one beside it; set Forbid",
                                policy ? policy->str() : "Allow (the default)"));
  if (!cron.spec->get("startingDeadlineSeconds"))
    ctx.sink.report(cron, spec_key, "GPU CronJob sets no startingDeadlineSeconds: a run missed while the controller or "
                                    "the GPUs were unavailable starts whenever they are back, at any hour");
  const yaml::Node* template_ = cron.spec->get("jobTemplate");
  const yaml::Node* job = template_ ? template_->get("spec") : nullptr;
  check_job_spec(ctx, cron, job, job ? template_->key_node("spec") : spec_key, false);
}

}  // namespace

void check_job_limits(const CheckContext& ctx)
{
  for (const Object* o : ctx.of_kind("Job")) check_job(ctx, *o);
  for (const Object* o : ctx.of_kind("CronJob")) check_cron_job(ctx, *o);
}

}  // namespace readyctl::lint
