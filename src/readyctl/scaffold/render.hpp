// Renders a loaded template with its answers into the project's files, through kainjow mustache.
#pragma once
#include <string>
#include <vector>

#include "readyctl/scaffold/condition.hpp"
#include "readyctl/scaffold/template_store.hpp"

namespace readyctl::scaffold {

struct RenderedFile {
  std::string path;  // relative to the project root, '/'-separated
  std::string content;
};

// Files whose rule's `when` fails, or whose rendered path is empty, are left out. InputError on a template
// defect (bad mustache, unsafe path) naming the template file. Sorted by path.
std::vector<RenderedFile> render_template(const LoadedTemplate& tmpl, const Answers& answers);

}  // namespace readyctl::scaffold
