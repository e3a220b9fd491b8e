// Mapping keys the checks look up, known in advance, so that a lookup can tell a key from its tag alone.
//
// Key tags (node.hpp) are not exact: two keys of one length with the same first, middle and last bytes share a tag,
// so a matching tag used to be confirmed by reading the key node and its text, two more cache misses per lookup once
// the trees outgrow the cache (most of a lint run's check time at 100,000 objects). The parser marks every key that
// is exactly the known key of its tag; a lookup for a known key then trusts a marked tag, and skips marked tags when
// it asks for any other key. Keys not in the list are confirmed as before: the list only makes lookups faster.
#pragma once
#include <cstdint>
#include <string_view>

namespace readyctl::yaml {

// The known key whose tag is `tag` (Node::key_tag, without the mark), or an empty view. At most one known key per
// tag: where two share one, the first in the list keeps it.
std::string_view known_key(uint32_t tag);

}  // namespace readyctl::yaml
