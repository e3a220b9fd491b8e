// The price catalogue: USD per GPU-hour by model, per core-hour and per GiB-hour, each row with its provenance.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace readyctl::baseline {

struct PriceRow {
  std::string item;    // "H100", "A100 80GB", "cpu_core_hour", "memory_gib_hour"
  double usd = 0;      // per GPU-hour, core-hour or GiB-hour
  std::string source;  // where the figure comes from
  std::string region;
  std::string as_of;   // date the source was generated

  // What the row says of its origin, the empty parts left out: "file prices.yaml", or
  // "aws/... , us-east-1, as of 2026-11-20"; empty when it says nothing.
  std::string provenance() const;
};

struct PriceCatalogue {
  std::vector<PriceRow> gpus;
  std::string default_gpu = "H100";  // for GPUs whose model is unknown
  PriceRow cpu_core_hour;
  PriceRow memory_gib_hour;

  // The row for a DCGM modelName ("NVIDIA H100 80GB HBM3" -> H100): every word of the row's name must appear
  // as a whole word of the model; the most specific row wins. Falls back to default_gpu.
  const PriceRow& gpu_price(const std::string& model_name) const;
};

// Built-in list prices (AWS us-east-1 on-demand, per GPU; OpenCost's CPU and memory defaults).
PriceCatalogue default_prices();

// A user's file: `gpu: {H100: 6.88, L4: 0.80}`, `default_gpu: H100`, `cpu_core_hour`, `memory_gib_hour`.
// Rows it does not name keep their defaults. InputError "path:line:col: ..." on bad content.
PriceCatalogue load_prices(const std::string& path, const std::string& text);

}  // namespace readyctl::baseline
