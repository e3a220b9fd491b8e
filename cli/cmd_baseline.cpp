// `readyctl baseline`: measure traffic, latency, queues, GPUs and cost per tenant from Prometheus.
#include <chrono>
#include <cstdlib>
#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "http_flags.hpp"
#include "output_formats.hpp"
#include "readyctl/baseline/collect.hpp"
#include "readyctl/baseline/compare.hpp"
#include "readyctl/baseline/recommend.hpp"
#include "readyctl/baseline/render.hpp"
#include "readyctl/baseline/snapshot.hpp"
#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/duration.hpp"
#include "readyctl/core/huge_heap.hpp"
#include "readyctl/plan/plan_file.hpp"

namespace readyctl::cli {
namespace {

namespace bl = readyctl::baseline;

constexpr const char* k_baseline_footer = R"(
Examples:
  readyctl baseline --demo
  readyctl baseline --prometheus http://localhost:9090 --since 7d --save week-47.json
  readyctl baseline --prometheus https://mimir.example/prometheus --tenant-id team-a \
      --bearer-token-file /var/run/secrets/token -o html=baseline.html
  readyctl baseline --from week-47.json --compare week-46.json -o markdown
  readyctl baseline --from week-47.json --recommend --target-utilization 0.6 --slo-ttft-p95 1s
  readyctl baseline --prometheus http://thanos:9090 --start 2026-11-16T00:00:00Z --end 2026-11-23T00:00:00Z \
      --prices prices.yaml -o json=baseline.json -o text

Exit codes: 0 ok, 2 bad input or usage, 3 Prometheus unreachable or answering with an error.
See man readyctl-baseline.)";

struct BaselineFlags {
  std::string prometheus;
  HttpFlags http;
  std::string from, compare, save, prices;
  bool demo = false, force = false;
  bl::WindowRequest window;
  std::string tenant_label = "namespace";
  std::string stack = "auto";
  int concurrency = 4;
  std::vector<std::string> outputs;
  bool recommend = false;
  double target_utilization = 0.7;
  std::string slo_ttft_p95 = "2s", slo_e2e_p95;
  double slo_queue_p95 = 1;
};

void add_source_flags(CLI::App* cmd, BaselineFlags& f)
{
  cmd->add_option("--prometheus", f.prometheus,
                  "Prometheus-compatible API base URL (Prometheus, Thanos, Mimir .../prometheus, VictoriaMetrics); "
                  "default $READYCTL_PROMETHEUS_URL");
  add_http_flags(cmd, f.http, "the server", true);
  cmd->add_option("--concurrency", f.concurrency, "Queries in flight at once")->check(CLI::Range(1, 16))->capture_default_str();
  cmd->add_option("--from", f.from, "Read a saved snapshot instead of querying a server");
  cmd->add_flag("--demo", f.demo, "Run on the bundled demo data (no server needed)");
}

void add_window_flags(CLI::App* cmd, BaselineFlags& f)
{
  cmd->add_option("--since", f.window.since, "Window length ending now (or at --end): 7d, 24h, 90m")->capture_default_str();
  cmd->add_option("--start", f.window.start, "Window start, RFC 3339 or Unix seconds");
  cmd->add_option("--end", f.window.end, "Window end, RFC 3339 or Unix seconds (default now)");
  cmd->add_option("--step", f.window.step, "Resolution of per-step series (default: keeps each query under 2,500 points)");
  cmd->add_option("--tenant-label", f.tenant_label, "Label that names a tenant")->capture_default_str();
  cmd->add_option("--stack", f.stack, "Inference engine: auto, vllm, sglang, tgi or triton")->capture_default_str();
  cmd->add_option("--prices", f.prices, "Price catalogue YAML (gpu: {H100: 6.88}, default_gpu, cpu_core_hour, memory_gib_hour)");
}

void add_output_flags(CLI::App* cmd, BaselineFlags& f)
{
  cmd->add_option("--save", f.save, "Write a snapshot (figures and per-step series) to this file");
  cmd->add_option("--compare", f.compare, "Show what moved against an earlier snapshot");
  cmd->add_flag("--force", f.force, "Let --save replace an existing file");
  add_output_option(cmd, f.outputs, "baseline");
}

void add_recommend_flags(CLI::App* cmd, BaselineFlags& f)
{
  cmd->add_flag("--recommend", f.recommend,
                "Right-size GPU serving per tenant and model: replicas, GPUs and monthly cost, with the evidence");
  cmd->add_option("--target-utilization", f.target_utilization,
                  "GPU utilisation --recommend sizes for at the window's busiest step, in (0, 1]")->capture_default_str();
  cmd->add_option("--slo-ttft-p95", f.slo_ttft_p95,
                  "Time-to-first-token p95 objective (a duration; 0 for none): a deployment over it is never shrunk")
      ->capture_default_str();
  cmd->add_option("--slo-e2e-p95", f.slo_e2e_p95, "End-to-end latency p95 objective (a duration; default none)");
  cmd->add_option("--slo-queue-p95", f.slo_queue_p95,
                  "Waiting requests per replica allowed at the 95th-percentile step; more is saturation")
      ->capture_default_str();
}

std::optional<double> slo_seconds(const std::string& text, const char* flag)
{
  if (text.empty()) return std::nullopt;
  std::optional<double> s = parse_duration_seconds(text);
  if (!s || *s < 0) throw InputError(fmt::format("{} '{}': expected a duration such as 2s or 500ms", flag, text));
  return *s > 0 ? s : std::nullopt;
}

bl::RecommendOptions recommend_options(const BaselineFlags& f)
{
  if (!(f.target_utilization > 0 && f.target_utilization <= 1))
    throw InputError(fmt::format("--target-utilization {}: expected a fraction in (0, 1], such as 0.7",
                                 f.target_utilization));
  if (!(f.slo_queue_p95 >= 0)) throw InputError("--slo-queue-p95: expected a number of requests, 0 or more");
  bl::RecommendOptions o;
  o.target_utilization = f.target_utilization;
  o.slo_ttft_p95 = slo_seconds(f.slo_ttft_p95, "--slo-ttft-p95");
  o.slo_e2e_p95 = slo_seconds(f.slo_e2e_p95, "--slo-e2e-p95");
  o.slo_queue_p95 = f.slo_queue_p95;
  return o;
}

class Progress {
public:
  explicit Progress(Context& ctx) : m_ctx(ctx) {}
  void operator()(size_t done, size_t total) const
  {
    m_ctx.streams.err << fmt::format("\rquerying Prometheus: {}/{} queries", done, total) << (done == total ? "\n" : "")
                      << std::flush;
  }

private:
  Context& m_ctx;
};

bl::ClientOptions client_options(const BaselineFlags& f)
{
  bl::ClientOptions c;
  c.url = f.prometheus;
  if (c.url.empty())
    if (const char* env = std::getenv("READYCTL_PROMETHEUS_URL")) c.url = env;
  if (c.url.empty())
    throw InputError("baseline: expected --prometheus URL (or READYCTL_PROMETHEUS_URL), --from SNAPSHOT or --demo");
  c.http = http_options(f.http, c.http);
  return c;
}

bl::Baseline acquire(const BaselineFlags& f, Context& ctx)
{
  if (f.demo + !f.from.empty() + !f.prometheus.empty() > 1)
    throw InputError("baseline: expected only one of --prometheus, --from and --demo");
  if (f.demo) return bl::demo_baseline();
  if (!f.from.empty()) return bl::load_snapshot(f.from);
  bl::CollectOptions o;
  o.client = client_options(f);
  o.window = f.window;
  o.tenant_label = f.tenant_label;
  o.stack = f.stack;
  o.concurrency = f.concurrency;
  o.serving = f.recommend || !f.save.empty();  // a saved snapshot can be right-sized later with --from
  if (!f.prices.empty()) o.prices = bl::load_prices(f.prices, read_file(f.prices));
  if (ctx.show_progress()) o.progress = Progress(ctx);
  double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  return bl::collect_baseline(o, now);
}

// Formats were checked against the table by parse_outputs; the terminal gets colour when it takes it.
std::string render(const bl::Baseline& b, const std::string& format, bool to_terminal, const Context& ctx)
{
  RenderOptions options;
  options.color = to_terminal && ctx.color_stdout();
  return find_format(bl::baseline_formats(), format).render(b, options);
}

// In a repository with a 90-day plan, an unsaved baseline is evidence thrown away: say where plan looks.
void hint_plan_evidence(const BaselineFlags& f, Context& ctx)
{
  if (!f.save.empty() || !ctx.show_progress()) return;
  std::optional<std::filesystem::path> root = readyctl::plan::find_plan_root(std::filesystem::current_path());
  if (!root) return;
  ctx.streams.err << fmt::format("note: to count this baseline for the plan, save it where plan status looks: --save {}\n",
                                 (*root / ".readyctl/baselines" / (readyctl::plan::format_date(readyctl::plan::utc_today_day()) + ".json"))
                                     .lexically_relative(std::filesystem::current_path()).generic_string());
}

void run_baseline(const BaselineFlags& f, Context& ctx)
{
  reserve_huge_heap(k_command_heap_bytes);
  std::vector<OutputSpec> specs = parse_outputs("baseline", f.outputs);  // a bad format fails before any query
  std::optional<bl::RecommendOptions> recommending;
  if (f.recommend) recommending = recommend_options(f);  // bad targets fail before any query
  bl::Baseline b = acquire(f, ctx);
  std::optional<bl::Baseline> before;
  if (!f.compare.empty()) before = bl::load_snapshot(f.compare);
  else if (f.demo) before = bl::demo_previous_baseline();
  if (before) b.comparison = bl::compare_baselines(*before, b, f.compare.empty() ? "the demo's previous run" : f.compare);
  if (recommending) {
    b.recommendations = bl::recommend(b, *recommending);
    if (before) {
      b.recommendations->followup_against = b.comparison->against;
      b.recommendations->followup = bl::follow_up(*before, b, *recommending);
    }
  }
  if (!f.save.empty()) bl::save_snapshot(b, f.save, f.force);
  write_outputs(ctx, specs, [&](const std::string& format, bool to_terminal) { return render(b, format, to_terminal, ctx); });
  hint_plan_evidence(f, ctx);
  ctx.exit_code = static_cast<int>(ExitCode::ok);
}

}  // namespace

void register_baseline(CLI::App& app, Context& ctx)
{
  auto flags = std::make_shared<BaselineFlags>();
  CLI::App* cmd = app.add_subcommand("baseline", "Measure traffic, latency, queues, GPU use and cost per tenant from Prometheus");
  cmd->footer(k_baseline_footer);
  add_source_flags(cmd, *flags);
  add_window_flags(cmd, *flags);
  add_output_flags(cmd, *flags);
  add_recommend_flags(cmd, *flags);
  cmd->callback([flags, &ctx] { run_baseline(*flags, ctx); });
}

}  // namespace readyctl::cli
