// The manifest loader: libyaml's event parser feeding our own positioned node tree.
#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <yaml.h>

#include "readyctl/core/error.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/duplicate_key.hpp"
#include "readyctl/yaml/known_keys.hpp"

namespace readyctl::yaml {

// Builds one document's tree from events; collection children gather on a shared stack of nodes and are copied into
// one array in the arena when the collection closes. An alias is a copy of its anchor's node, sharing its children.
class DocumentBuilder {
public:
  DocumentBuilder(const Limits& limits, int line_offset, std::string_view text, std::pmr::memory_resource* shared)
      : m_limits(limits), m_line_offset(line_offset), m_text(text), m_shared(shared)
  {
  }

  void start(const yaml_event_t& event)
  {
    m_doc = Document{};
    if (m_shared) {
      m_alloc = m_shared;
    } else {
      m_doc.arena = std::make_unique<std::pmr::monotonic_buffer_resource>(arena_size(event.start_mark.index));
      m_alloc = m_doc.arena.get();
    }
    m_doc.start_line = static_cast<int>(event.start_mark.line) + 1 + m_line_offset;
    m_anchors.clear();
    m_expanded = 0;
  }

  // Each returns an error message, or nullopt.
  std::optional<std::string> scalar(const yaml_event_t& event)
  {
    Node node = make_node(event.start_mark);
    const auto& s = event.data.scalar;
    std::string_view text(reinterpret_cast<const char*>(s.value), s.length);
    bool plain = s.style == YAML_PLAIN_SCALAR_STYLE && !is_str_tag(s.tag);
    if (plain && (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")) {
      node.set_kind(NodeKind::null);
    } else {
      node.set_kind(NodeKind::scalar);
      node.set_plain(plain);
      const void* verbatim = verbatim_in_source(event, text);
      if (verbatim) {
        node.set_data(verbatim);
      } else {
        char* copy = static_cast<char*>(m_alloc->allocate(text.size() + 1, 1));
        std::memcpy(copy, text.data(), text.size());
        copy[text.size()] = '\0';
        node.set_data(copy);
      }
      node.m_size = static_cast<uint32_t>(text.size());
    }
    return attach(node, s.anchor, 1);
  }

  std::optional<std::string> open(const yaml_event_t& event, NodeKind kind, const yaml_char_t* anchor)
  {
    if (m_frames.size() >= m_limits.max_depth)
      return fmt::format("nesting deeper than {} levels", m_limits.max_depth);
    Node node = make_node(event.start_mark);
    node.set_kind(kind);
    m_frames.push_back({node, m_pending.size(), anchor ? std::string(reinterpret_cast<const char*>(anchor)) : std::string(), m_expanded});
    return add_expanded(1);
  }

  std::optional<std::string> close()
  {
    Frame frame = std::move(m_frames.back());
    m_frames.pop_back();
    size_t count = m_pending.size() - frame.first_child;
    const bool mapping = frame.node.is_mapping();
    const size_t tag_bytes = mapping ? sizeof(uint32_t) * (count / 2) : 0;
    auto* kids = static_cast<Node*>(m_alloc->allocate(sizeof(Node) * (count ? count : 1) + tag_bytes, alignof(Node)));
    std::uninitialized_copy(m_pending.begin() + static_cast<std::ptrdiff_t>(frame.first_child), m_pending.end(), kids);
    m_pending.resize(frame.first_child);
    frame.node.set_data(kids);
    frame.node.m_size = static_cast<uint32_t>(count);
    if (mapping) write_key_tags(frame.node);
    if (mapping) report_duplicate_keys(frame.node);
    if (!frame.anchor.empty()) m_anchors[frame.anchor] = {frame.node, m_expanded - frame.expanded_before};
    return place(frame.node);
  }

  std::optional<std::string> alias(const yaml_event_t& event)
  {
    std::string name(reinterpret_cast<const char*>(event.data.alias.anchor));
    auto it = m_anchors.find(name);
    if (it == m_anchors.end()) return fmt::format("alias '*{}' names no complete anchor before it", name);
    if (auto err = add_expanded(it->second.expanded)) return err;
    return place(it->second.node);
  }

  Document finish()
  {
    if (!m_pending.empty() && !m_pending.front().is_null())
      m_doc.root = new (m_alloc->allocate(sizeof(Node), alignof(Node))) Node(m_pending.front());
    m_pending.clear();
    return std::move(m_doc);
  }

  void reset()
  {
    m_frames.clear();
    m_pending.clear();
  }

  // Problems that do not stop the document (duplicate keys), in the order met.
  std::vector<ParseError> take_errors() { return std::move(m_errors); }

private:
  struct Frame {
    Node node;
    size_t first_child;
    std::string anchor;
    size_t expanded_before;
  };
  struct Anchor {
    Node node;
    size_t expanded;
  };

  // First arena block sized from the document's text (nodes, copies and child arrays take about 3 bytes per byte
  // of YAML), so a 20-line Service does not hold a fixed 16 KiB block; bigger documents grow the arena as needed.
  size_t arena_size(size_t start) const
  {
    constexpr size_t k_min = 1024;
    constexpr size_t k_max = 1 << 20;
    size_t end = start < m_text.size() ? m_text.find("\n---", start) : m_text.size();
    size_t bytes = (end == std::string_view::npos ? m_text.size() : end) - std::min(start, m_text.size());
    return std::clamp(bytes * 3, k_min, k_max);
  }

  // Where the file spells a scalar's value byte for byte (most plain and quoted scalars), the node points at those
  // bytes instead of a copy: a third of a tree's memory is scalar text. Only with a shared pool, whose caller keeps
  // the file alive. libyaml's mark counts characters, not bytes: after a multi-byte character the bytes compared
  // are elsewhere and (almost always) differ, and then the value is copied; where they match, they are the value.
  const void* verbatim_in_source(const yaml_event_t& event, std::string_view value) const
  {
    if (!m_shared || value.empty()) return nullptr;
    size_t at = event.start_mark.index;
    if (event.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || event.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
      ++at;
    if (at > m_text.size() || m_text.size() - at < value.size()) return nullptr;
    return std::memcmp(m_text.data() + at, value.data(), value.size()) == 0 ? m_text.data() + at : nullptr;
  }

  static bool is_str_tag(const yaml_char_t* tag)
  {
    return tag && std::strcmp(reinterpret_cast<const char*>(tag), "tag:yaml.org,2002:str") == 0;
  }

  Node make_node(const yaml_mark_t& mark) const
  {
    Node node;
    node.m_line = static_cast<uint32_t>(mark.line + 1 + static_cast<size_t>(m_line_offset));
    node.m_column = static_cast<uint32_t>(mark.column + 1);
    return node;
  }

  std::optional<std::string> add_expanded(size_t n)
  {
    m_expanded += n;
    if (m_expanded > m_limits.max_expanded_nodes)
      return fmt::format("aliases expand to more than {} nodes (alias bomb?)", m_limits.max_expanded_nodes);
    return std::nullopt;
  }

  std::optional<std::string> attach(const Node& node, const yaml_char_t* anchor, size_t expanded)
  {
    if (auto err = add_expanded(expanded)) return err;
    if (anchor) m_anchors[reinterpret_cast<const char*>(anchor)] = {node, 1};
    return place(node);
  }

  // A key's tag, marked when the key is the known key of that tag.
  static uint32_t tag_of(std::string_view key)
  {
    const uint32_t tag = Node::key_tag(key);
    return !key.empty() && known_key(tag) == key ? tag | Node::k_known_key : tag;
  }

  static void write_key_tags(const Node& mapping)
  {
    auto kids = mapping.children();
    auto* tags = const_cast<uint32_t*>(mapping.key_tags());
    for (size_t i = 0; i + 1 < kids.size(); i += 2) tags[i / 2] = kids[i]->is_scalar() ? tag_of(kids[i]->str()) : 0;
  }

  void report_duplicate_keys(const Node& mapping)
  {
    for (const DuplicateKey& d : find_duplicate_keys(mapping.children()))
      m_errors.push_back({d.repeat->line(), d.repeat->column(),
                          fmt::format("duplicate key '{}' (first at line {} column {})", d.repeat->str(),
                                      d.first->line(), d.first->column())});
  }

  std::optional<std::string> place(const Node& node)
  {
    m_pending.push_back(node);
    return std::nullopt;
  }

  const Limits& m_limits;
  int m_line_offset;
  std::string_view m_text;
  std::pmr::memory_resource* m_shared;          // the caller's node memory, or null: each document owns an arena
  std::pmr::memory_resource* m_alloc = nullptr;  // where this document's nodes go
  Document m_doc;
  std::vector<Frame> m_frames;
  std::vector<Node> m_pending;
  std::map<std::string, Anchor, std::less<>> m_anchors;
  size_t m_expanded = 0;
  std::vector<ParseError> m_errors;
};

namespace {

class Parser {
public:
  Parser(std::string_view text, int line_offset) : m_text(text), m_line_offset(line_offset)
  {
    yaml_parser_initialize(&m_parser);
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() { yaml_parser_delete(&m_parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Next event, or a ParseError from libyaml.
  bool next(yaml_event_t& event, ParseError& error)
  {
    if (yaml_parser_parse(&m_parser, &event)) return true;
    const yaml_mark_t& mark = m_parser.problem_mark;
    error.line = static_cast<int>(mark.line) + 1 + m_line_offset;
    error.column = static_cast<int>(mark.column) + 1;
    std::string problem = m_parser.problem ? m_parser.problem : "invalid YAML";
    if (m_parser.error == YAML_READER_ERROR) {
      locate_offset(m_parser.problem_offset, error);
      problem = fmt::format("{} (byte offset {}): expected UTF-8 text", problem, m_parser.problem_offset);
    } else if (m_parser.context) {
      problem = fmt::format("{} {}", m_parser.context, problem);
    }
    error.message = problem;
    return false;
  }

private:
  // libyaml's reader errors carry a byte offset but no line: count it out, so the error sits on the bad byte's line.
  void locate_offset(size_t offset, ParseError& error) const
  {
    std::string_view before = m_text.substr(0, std::min(offset, m_text.size()));
    size_t last_newline = before.rfind('\n');
    error.line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1 + m_line_offset;
    error.column = static_cast<int>(last_newline == std::string_view::npos ? before.size() + 1 : before.size() - last_newline);
  }

  yaml_parser_t m_parser{};
  std::string_view m_text;
  int m_line_offset;
};

std::optional<std::string> apply_event(DocumentBuilder& builder, const yaml_event_t& event,
                                       std::vector<Document>& documents)
{
  switch (event.type) {
  case YAML_DOCUMENT_START_EVENT: builder.start(event); return std::nullopt;
  case YAML_DOCUMENT_END_EVENT: documents.push_back(builder.finish()); return std::nullopt;
  case YAML_SCALAR_EVENT: return builder.scalar(event);
  case YAML_SEQUENCE_START_EVENT: return builder.open(event, NodeKind::sequence, event.data.sequence_start.anchor);
  case YAML_MAPPING_START_EVENT: return builder.open(event, NodeKind::mapping, event.data.mapping_start.anchor);
  case YAML_SEQUENCE_END_EVENT:
  case YAML_MAPPING_END_EVENT: return builder.close();
  case YAML_ALIAS_EVENT: return builder.alias(event);
  default: return std::nullopt;
  }
}

// Feeds libyaml's events to the builder; returns the error that stopped them, if any.
std::optional<ParseError> parse_events(std::string_view text, int line_offset, DocumentBuilder& builder,
                                       std::vector<Document>& documents)
{
  Parser parser(text, line_offset);
  for (;;) {
    yaml_event_t event;
    ParseError error;
    if (!parser.next(event, error)) return error;
    bool done = event.type == YAML_STREAM_END_EVENT;
    int line = static_cast<int>(event.start_mark.line) + 1 + line_offset;
    int column = static_cast<int>(event.start_mark.column) + 1;
    std::optional<std::string> problem = apply_event(builder, event, documents);
    yaml_event_delete(&event);
    if (problem) return ParseError{line, column, *problem};
    if (done) return std::nullopt;
  }
}

// Parses from one byte offset to the end, recording every problem; returns the error that stopped it, if any.
std::optional<ParseError> parse_from(std::string_view text, int line_offset, const Limits& limits,
                                     std::pmr::memory_resource* node_memory, ParsedFile& out)
{
  DocumentBuilder builder(limits, line_offset, text, node_memory);
  std::optional<ParseError> stop = parse_events(text, line_offset, builder, out.documents);
  for (ParseError& e : builder.take_errors()) out.errors.push_back(std::move(e));
  return stop;
}

// The first line after `after` that starts a new document, or 0.
int next_document_line(const SourceFile& file, int after)
{
  int count = file.line_count();
  for (int n = after + 1; n <= count; ++n) {
    std::string_view line = file.line(n);
    if (line.starts_with("---") && (line.size() == 3 || line[3] == ' ' || line[3] == '\t')) return n;
  }
  return 0;
}

}  // namespace

ParsedFile parse_yaml(const SourceFile& file, const Limits& limits, std::pmr::memory_resource* node_memory)
{
  ParsedFile out;
  std::string_view text = file.text();
  int line_offset = 0;
  for (;;) {
    std::optional<ParseError> error = parse_from(text, line_offset, limits, node_memory, out);
    if (!error) break;
    out.errors.push_back(*error);
    // Resume at the next `---`. libyaml often reports an unfinished document on the `---` that ends it, and that line
    // starts the next document, so it is a candidate too, unless it is where this attempt itself began.
    int next = next_document_line(file, std::max(error->line - 1, line_offset + 1));
    if (next == 0) break;
    std::string_view line = file.line(next);
    text = std::string_view(line.data(), static_cast<size_t>(file.text().data() + file.text().size() - line.data()));
    line_offset = next - 1;
  }
  return out;
}

Document parse_single_document(const SourceFile& file, const Limits& limits)
{
  ParsedFile parsed = parse_yaml(file, limits);
  if (!parsed.errors.empty()) {
    const ParseError& e = parsed.errors.front();
    throw InputError(fmt::format("{}:{}:{}: {}", file.path(), e.line, e.column, e.message));
  }
  if (parsed.documents.size() > 1)
    throw InputError(fmt::format("{}:{}:1: expected a single YAML document, found {}", file.path(),
                                 parsed.documents[1].start_line, parsed.documents.size()));
  if (parsed.documents.empty()) return Document{};
  return std::move(parsed.documents.front());
}

}  // namespace readyctl::yaml
