// Parsed YAML documents of one file, each owning its nodes, plus the parse errors met on the way.
#pragma once
#include <memory>
#include <memory_resource>
#include <string>
#include <vector>

#include "readyctl/yaml/node.hpp"
#include "readyctl/yaml/source_file.hpp"

namespace readyctl::yaml {

struct Document {
  const Node* root = nullptr;  // nullptr for an empty document
  int start_line = 1;          // line of the document's first token
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena;  // null when the nodes live in the caller's memory
};

struct ParseError {
  int line = 0;
  int column = 0;
  std::string message;  // what was expected
};

// Guards against hostile input: deep nesting and alias expansion bombs end in a ParseError.
struct Limits {
  size_t max_depth = 512;
  size_t max_expanded_nodes = 5'000'000;  // nodes reachable once aliases are expanded, per document
};

struct ParsedFile {
  std::vector<Document> documents;
  std::vector<ParseError> errors;
};

// Parses every document of a file. A syntax error is recorded and parsing resumes at the next
// `---` line, so one broken document does not hide the others. Nodes are allocated from `node_memory`, which must
// then outlive the documents and free nothing before it goes (a BlockPool); when null, each document owns an arena.
// With `node_memory`, a scalar whose value is spelled out verbatim in the file points into `file`'s text instead of
// being copied, so `file` (or a copy of it: copies share the text) must outlive the documents as well.
ParsedFile parse_yaml(const SourceFile& file, const Limits& limits = {}, std::pmr::memory_resource* node_memory = nullptr);

// Parses one document from a string (rules, configs, scenarios); InputError "path:line:col: ..." on error.
Document parse_single_document(const SourceFile& file, const Limits& limits = {});

}  // namespace readyctl::yaml
