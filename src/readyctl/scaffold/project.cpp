#include "readyctl/scaffold/project.hpp"

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/scaffold/safe_path.hpp"

namespace readyctl::scaffold {
namespace fs = std::filesystem;

namespace {

std::vector<RenderedFile> all_outputs(const std::vector<RenderedFile>& rendered, const RecordedAnswers& recorded)
{
  std::vector<RenderedFile> out = rendered;
  out.push_back({std::string(k_answers_file), format_recorded_answers(recorded)});
  for (RenderedFile& base : base_files(rendered)) out.push_back(std::move(base));
  return out;
}

void refuse_existing(const fs::path& dir, const std::vector<PlannedFile>& planned)
{
  std::vector<std::string> existing;
  for (const PlannedFile& file : planned)
    if (file.exists) existing.push_back(file.path);
  if (existing.empty()) return;
  throw InputError(fmt::format("{}: {} file(s) already exist, e.g. {} (use --force to overwrite)", dir.string(),
                               existing.size(), existing.front()));
}

}  // namespace

std::vector<RenderedFile> base_files(const std::vector<RenderedFile>& rendered)
{
  std::vector<RenderedFile> out;
  for (const RenderedFile& file : rendered)
    out.push_back({fmt::format("{}/{}{}", k_base_dir, file.path, k_base_suffix), file.content});
  return out;
}

void write_files(const fs::path& dir, const std::vector<RenderedFile>& files, bool force)
{
  for (const RenderedFile& file : files)
    write_file_atomically(safe_join(dir, file.path), file.content, force ? Overwrite::allow : Overwrite::refuse);
}

namespace {

// `scaffold new TEMPLATE path/to/my-flow` names the project my-flow, as `cargo new` does.
std::string directory_base_name(const fs::path& dir)
{
  fs::path normal = fs::absolute(dir).lexically_normal();
  if (normal.filename().empty()) normal = normal.parent_path();  // "my-flow/" names my-flow
  return normal.filename().string();
}

}  // namespace

NewResult new_project(const TemplateStore& store, const NewOptions& options)
{
  LoadedTemplate tmpl = store.load(options.template_name);
  AnswerSources sources = options.sources;
  sources.fallbacks.try_emplace("project_name", Fallback{directory_base_name(options.dir),
                                                         fmt::format("the base name of DIR '{}'", options.dir.string())});
  NewResult result{tmpl.manifest, resolve_answers(tmpl.manifest, sources), {}, 0, false};
  std::vector<RenderedFile> rendered = render_template(tmpl, result.answers);
  std::vector<RenderedFile> outputs =
      all_outputs(rendered, {tmpl.manifest.name, tmpl.manifest.version, result.answers});
  std::error_code ec;
  for (size_t i = 0; i < outputs.size(); ++i) {
    bool exists = fs::exists(safe_join(options.dir, outputs[i].path), ec);
    if (i <= rendered.size()) result.files.push_back({outputs[i].path, outputs[i].content, exists});
    else if (exists && !options.force) result.files.push_back({outputs[i].path, {}, true});
  }
  result.base_files = rendered.size();
  if (!options.force) refuse_existing(options.dir, result.files);
  if (options.dry_run) return result;
  write_files(options.dir, outputs, options.force);
  result.written = true;
  return result;
}

}  // namespace readyctl::scaffold
