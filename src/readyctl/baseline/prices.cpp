#include "readyctl/baseline/prices.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::baseline {
namespace {

constexpr const char* k_aws = "aws/karpenter-provider-aws@6fc13b5 pkg/providers/pricing/zz_generated.pricing_aws.go";
constexpr const char* k_opencost = "opencost/opencost@5f65333 configs/default.json";

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool contains_word(const std::string& haystack, const std::string& word)
{
  for (size_t at = haystack.find(word); at != std::string::npos; at = haystack.find(word, at + 1)) {
    bool left = at == 0 || !is_word_char(haystack[at - 1]);
    bool right = at + word.size() == haystack.size() || !is_word_char(haystack[at + word.size()]);
    if (left && right) return true;
  }
  return false;
}

// How many words of `item` the model name holds; 0 unless it holds all of them.
size_t match_score(const std::string& model_upper, const std::string& item)
{
  std::string upper = to_lower(item);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  size_t words = 0;
  for (std::string_view w : split(upper, ' ')) {
    if (w.empty()) continue;
    if (!contains_word(model_upper, std::string(w))) return 0;
    ++words;
  }
  return words;
}

double positive_number(const std::string& path, const yaml::Node* node)
{
  std::optional<double> v = node ? node->as_number() : std::nullopt;
  if (!v || *v < 0)
    throw InputError(fmt::format("{}:{}:{}: expected a price in USD per hour (a number >= 0)", path,
                                 node ? node->line() : 1, node ? node->column() : 1));
  return *v;
}

void set_gpu(PriceCatalogue& c, const std::string& item, double usd, const std::string& source)
{
  auto it = std::find_if(c.gpus.begin(), c.gpus.end(), [&](const PriceRow& r) { return r.item == item; });
  PriceRow row{item, usd, source, "", ""};
  if (it == c.gpus.end()) c.gpus.push_back(row);
  else *it = row;
}

}  // namespace

std::string PriceRow::provenance() const
{
  std::vector<std::string> parts;
  if (!source.empty()) parts.push_back(source);
  if (!region.empty()) parts.push_back(region);
  if (!as_of.empty()) parts.push_back("as of " + as_of);
  return join(parts, ", ");
}

const PriceRow& PriceCatalogue::gpu_price(const std::string& model_name) const
{
  std::string upper = model_name;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  const PriceRow* best = nullptr;
  size_t best_score = 0;
  for (const PriceRow& row : gpus)
    if (size_t s = match_score(upper, row.item); s > best_score) best = &row, best_score = s;
  if (best) return *best;
  for (const PriceRow& row : gpus)
    if (row.item == default_gpu) return row;
  return gpus.front();
}

PriceCatalogue default_prices()
{
  PriceCatalogue c;
  const std::string region = "us-east-1";
  const std::string as_of = "2026-07-20";
  c.gpus = {{"T4", 0.526, std::string(k_aws) + " (g4dn.xlarge)", region, as_of},
            {"A10G", 1.006, std::string(k_aws) + " (g5.xlarge)", region, as_of},
            {"L4", 0.8048, std::string(k_aws) + " (g6.xlarge)", region, as_of},
            {"A100", 2.745, std::string(k_aws) + " (p4d.24xlarge / 8)", region, as_of},
            {"A100 80GB", 3.431, std::string(k_aws) + " (p4de.24xlarge / 8)", region, as_of},
            {"H100", 6.88, std::string(k_aws) + " (p5.48xlarge / 8)", region, as_of}};
  c.cpu_core_hour = {"cpu_core_hour", 0.031611, k_opencost, "GCP us-central1", "2024-10"};
  c.memory_gib_hour = {"memory_gib_hour", 0.004237, k_opencost, "GCP us-central1", "2024-10"};
  return c;
}

PriceCatalogue load_prices(const std::string& path, const std::string& text)
{
  yaml::Document doc = yaml::parse_single_document(yaml::SourceFile(path, text));
  if (!doc.root || !doc.root->is_mapping())
    throw InputError(fmt::format("{}:1:1: expected a mapping with gpu, default_gpu, cpu_core_hour, memory_gib_hour", path));
  PriceCatalogue c = default_prices();
  std::string source = "file " + path;
  for (auto [key, value] : doc.root->entries()) {
    std::string_view k = key->str();
    if (k == "gpu" && value->is_mapping()) {
      for (auto [model, price] : value->entries()) set_gpu(c, std::string(model->str()), positive_number(path, price), source);
    } else if (k == "default_gpu" && value->is_scalar()) {
      c.default_gpu = std::string(value->str());
    } else if (k == "cpu_core_hour") {
      c.cpu_core_hour = {"cpu_core_hour", positive_number(path, value), source, "", ""};
    } else if (k == "memory_gib_hour") {
      c.memory_gib_hour = {"memory_gib_hour", positive_number(path, value), source, "", ""};
    } else {
      throw InputError(fmt::format("{}:{}:{}: expected gpu (a mapping), default_gpu, cpu_core_hour or memory_gib_hour",
                                   path, key->line(), key->column()));
    }
  }
  if (std::none_of(c.gpus.begin(), c.gpus.end(), [&](const PriceRow& r) { return r.item == c.default_gpu; }))
    throw InputError(fmt::format("{}:1:1: expected default_gpu '{}' to have a price under gpu", path, c.default_gpu));
  return c;
}

}  // namespace readyctl::baseline
