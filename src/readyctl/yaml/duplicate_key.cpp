#include "readyctl/yaml/duplicate_key.hpp"

#include <string_view>
#include <unordered_map>

namespace readyctl::yaml {
namespace {

// Most mappings hold a handful of keys: comparing pairs then costs less than building a hash table.
constexpr size_t k_pairwise_limit = 16;

bool comparable(const Node* key) { return key->is_scalar() && key->str() != "<<"; }

void pairwise(Node::Children entries, std::vector<DuplicateKey>& out)
{
  for (size_t i = 2; i < entries.size(); i += 2) {
    if (!comparable(entries[i])) continue;
    for (size_t j = 0; j < i; j += 2)
      if (comparable(entries[j]) && entries[j]->str() == entries[i]->str()) {
        out.push_back({entries[j], entries[i]});
        break;
      }
  }
}

void hashed(Node::Children entries, std::vector<DuplicateKey>& out)
{
  std::unordered_map<std::string_view, const Node*> seen;
  for (size_t i = 0; i < entries.size(); i += 2) {
    if (!comparable(entries[i])) continue;
    auto [it, fresh] = seen.emplace(entries[i]->str(), entries[i]);
    if (!fresh) out.push_back({it->second, entries[i]});
  }
}

}  // namespace

std::vector<DuplicateKey> find_duplicate_keys(Node::Children entries)
{
  std::vector<DuplicateKey> out;
  if (entries.size() / 2 <= k_pairwise_limit) pairwise(entries, out);
  else hashed(entries, out);
  return out;
}

}  // namespace readyctl::yaml
