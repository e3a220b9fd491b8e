// One YAML node with its exact position; documents own their nodes in an arena. A collection holds its children in
// one array of nodes, not of pointers to nodes: no pointer to chase per child and 8 bytes less per child, which at
// 100,000 objects is a fifth of the trees' memory.
#pragma once
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory_resource>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace readyctl::yaml {

enum class NodeKind : uint8_t { null, scalar, sequence, mapping };

class Node {
public:
  NodeKind kind() const { return static_cast<NodeKind>(m_high >> k_kind_shift & 3u); }
  bool is_null() const { return kind() == NodeKind::null; }
  bool is_scalar() const { return kind() == NodeKind::scalar; }
  bool is_sequence() const { return kind() == NodeKind::sequence; }
  bool is_mapping() const { return kind() == NodeKind::mapping; }
  int line() const { return static_cast<int>(m_line); }
  int column() const { return static_cast<int>(m_column); }
  // True for a plain (unquoted) scalar: `true` is a boolean, `"true"` a string.
  bool plain() const { return (m_high & k_plain_bit) != 0; }

  // Text of a scalar; empty for other kinds.
  std::string_view str() const { return is_scalar() ? std::string_view(static_cast<const char*>(data()), m_size) : std::string_view(); }
  std::optional<bool> as_bool() const;
  std::optional<long long> as_int() const;
  // as_int within int32, the type of Kubernetes counts (replicas, attempts); larger values are not valid there,
  // and keeping them out leaves room for the sums and products the checks compute.
  std::optional<long long> as_int32() const;
  std::optional<double> as_number() const;

  // Sequence items; for a mapping, keys and values alternate. Yields `const Node*`, like a span of pointers.
  class Children;
  Children children() const;
  size_t size() const;  // items of a sequence, entries of a mapping

  // Mapping lookup by key text; nullptr when absent or not a mapping.
  const Node* get(std::string_view key) const;
  // Text of the scalar under `key`; empty when absent or not a scalar, or when this is not a mapping.
  std::string_view str_at(std::string_view key) const
  {
    const Node* n = get(key);
    return n ? n->str() : std::string_view();
  }
  // Nested lookup through mappings: node->path({"spec", "template", "spec"}).
  const Node* path(std::initializer_list<std::string_view> keys) const;
  // The key node of an entry, for findings that point at the key.
  const Node* key_node(std::string_view key) const;

  struct Entry {
    const Node* key;
    const Node* value;
  };
  class Entries;
  Entries entries() const;

  // A mapping's child array holds its keys and values, then one tag per entry: a key's length (7 bits) and three of
  // its bytes. get() scans the tags, which sit together, and reads a key node only when its tag matches; reading every
  // key node (each in its own cache line) cost most of the lookups once the trees no longer fit in the cache.
  static uint32_t key_tag(std::string_view key)
  {
    if (key.empty()) return 0;
    auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(key[i])); };
    return (static_cast<uint32_t>(key.size()) & 0x7fu) | byte(0) << 8 | byte(key.size() / 2) << 16 | byte(key.size() - 1) << 24;
  }
  // Set in an entry's tag when its key is exactly the known key of that tag (known_keys.hpp).
  static constexpr uint32_t k_known_key = 0x80u;

private:
  friend class DocumentBuilder;
  const Node* kids() const { return static_cast<const Node*>(data()); }
  const uint32_t* key_tags() const { return reinterpret_cast<const uint32_t*>(kids() + m_size); }
  // Index of the entry whose key is `key`, or -1.
  std::ptrdiff_t find_key(std::string_view key) const;

  // The data pointer is kept in two 32-bit halves, so that a node is 20 bytes and 4-aligned instead of 24: trees are
  // most of a lint run's memory. The high half holds address bits 32 to 55 (user addresses on Linux stay below 2^47,
  // or 2^56 with 5-level page tables), then the kind and the plain flag.
  static constexpr uint32_t k_address_high_mask = 0xffffffu;
  static constexpr unsigned k_kind_shift = 24;
  static constexpr uint32_t k_plain_bit = 1u << 26;
  const void* data() const
  {
    return reinterpret_cast<const void*>(static_cast<uintptr_t>(static_cast<uint64_t>(m_high & k_address_high_mask) << 32 | m_low));
  }
  void set_data(const void* p);  // throws std::bad_alloc for an address beyond 56 bits
  void set_kind(NodeKind kind) { m_high = (m_high & ~(3u << k_kind_shift)) | static_cast<uint32_t>(kind) << k_kind_shift; }
  void set_plain(bool plain) { m_high = plain ? m_high | k_plain_bit : m_high & ~k_plain_bit; }

  uint32_t m_line = 0;
  uint32_t m_column = 0;
  uint32_t m_size = 0;             // bytes of text, or number of children
  uint32_t m_low = 0;              // char data for scalars, the Node array for collections: address bits 0 to 31
  uint32_t m_high = k_plain_bit;   // address bits 32 to 55, kind, plain
};

// An integer as YAML manifests and Kubernetes spell one: an optional '+', then what from_chars reads, taking the
// whole text ("08" is 8; "1e3", " 5" and "" are not integers).
std::optional<long long> parse_int(std::string_view text);

class Node::Children {
public:
  class iterator {
  public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = const Node*;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = const Node*;
    iterator() = default;
    explicit iterator(const Node* p) : m_p(p) {}
    const Node* operator*() const { return m_p; }
    const Node* operator[](difference_type n) const { return m_p + n; }
    iterator& operator++() { return ++m_p, *this; }
    iterator operator++(int) { return iterator(m_p++); }
    iterator& operator--() { return --m_p, *this; }
    iterator operator--(int) { return iterator(m_p--); }
    iterator& operator+=(difference_type n) { return m_p += n, *this; }
    iterator& operator-=(difference_type n) { return m_p -= n, *this; }
    friend iterator operator+(iterator i, difference_type n) { return i += n; }
    friend iterator operator+(difference_type n, iterator i) { return i += n; }
    friend iterator operator-(iterator i, difference_type n) { return i -= n; }
    friend difference_type operator-(iterator a, iterator b) { return a.m_p - b.m_p; }
    friend bool operator==(iterator a, iterator b) { return a.m_p == b.m_p; }
    friend auto operator<=>(iterator a, iterator b) { return a.m_p <=> b.m_p; }

  private:
    const Node* m_p = nullptr;
  };

  Children() = default;
  Children(const Node* first, size_t count) : m_first(first), m_count(count) {}
  iterator begin() const { return iterator(m_first); }
  iterator end() const { return iterator(m_first + m_count); }
  size_t size() const { return m_count; }
  bool empty() const { return m_count == 0; }
  const Node* operator[](size_t i) const { return m_first + i; }

private:
  const Node* m_first = nullptr;
  size_t m_count = 0;
};

class Node::Entries {
public:
  explicit Entries(Children kids) : m_kids(kids) {}
  struct iterator {
    const Node* p;
    Entry operator*() const { return {p, p + 1}; }
    iterator& operator++()
    {
      p += 2;
      return *this;
    }
    bool operator!=(const iterator& o) const { return p != o.p; }
  };
  iterator begin() const { return {m_kids[0]}; }
  iterator end() const { return {m_kids[m_kids.size()]}; }

private:
  Children m_kids;
};

inline Node::Children Node::children() const
{
  if (!is_sequence() && !is_mapping()) return {};
  return {kids(), m_size};
}
inline size_t Node::size() const { return is_mapping() ? m_size / 2 : (is_sequence() ? m_size : 0); }
inline Node::Entries Node::entries() const { return Entries(is_mapping() ? children() : Children()); }

static_assert(sizeof(Node) == 20 && alignof(Node) == 4);

}  // namespace readyctl::yaml
