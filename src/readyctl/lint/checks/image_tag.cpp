// image-pinned: container images name a fixed version: no tagless images, no moving tags (:latest, :main,
// :nightly…); optionally a digest. Kustomizations read as plain files have their `images:` overrides checked too.
#include <algorithm>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/agents.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

struct ImageRef {
  std::string_view name;    // [registry[:port]/]path
  std::string_view tag;     // empty when the reference has none
  std::string_view digest;  // "sha256:..." or empty
  bool tag_separator = false;  // a ':' after the last '/', also before an empty tag
};

// [registry[:port]/]path[:tag][@digest]: the tag is a ':' after the last '/'.
ImageRef parse_image(std::string_view image)
{
  ImageRef ref;
  if (size_t at = image.find('@'); at != std::string_view::npos) {
    ref.digest = image.substr(at + 1);
    image = image.substr(0, at);
  }
  size_t slash = image.rfind('/');
  size_t colon = image.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = image.substr(colon + 1);
    ref.tag_separator = true;
    image = image.substr(0, colon);
  }
  ref.name = image;
  return ref;
}

bool all_of_chars(std::string_view text, std::string_view allowed_punctuation, bool upper)
{
  return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (upper && c >= 'A' && c <= 'Z') ||
           allowed_punctuation.find(c) != std::string_view::npos;
  });
}

// The grammar of a container image reference (distribution/reference): an optional registry host (it has a '.' or
// a ':' port, or is localhost; upper case allowed), path components of lower-case letters, digits and . _ -, and a
// tag of up to 128 letters, digits and . _ - not starting with . or -.
bool is_image_reference(const ImageRef& ref)
{
  std::vector<std::string_view> parts = split(ref.name, '/');
  size_t first_path = 0;
  if (parts.size() > 1 && (parts[0].find_first_of(".:") != std::string_view::npos || parts[0] == "localhost")) {
    if (!all_of_chars(parts[0], ".-:", true)) return false;
    first_path = 1;
  }
  for (size_t i = first_path; i < parts.size(); ++i)
    if (!all_of_chars(parts[i], "._-", false)) return false;
  if (ref.tag.empty()) return !ref.tag_separator;
  return ref.tag.size() <= 128 && ref.tag[0] != '.' && ref.tag[0] != '-' && all_of_chars(ref.tag, "._-", true);
}

// Values that are not images yet: ko's Go import paths (ko://…, built at deploy time), template variables
// (${IMAGE}, {{ .Values.image }}), placeholders that are no image reference at all (<image>, IMAGE_PLACEHOLDER), and
// kubebuilder's `controller:latest`, which its `make deploy` replaces (`kustomize edit set image controller=…`).
bool is_unbuilt_image(std::string_view image)
{
  if (image.starts_with("ko://") || image == "controller" || image == "controller:latest") return true;
  if (image.find('$') != std::string_view::npos || image.find("{{") != std::string_view::npos) return true;
  return !is_image_reference(parse_image(image));
}

struct PinPolicy {
  std::vector<std::string> moving_tags;  // globs
  bool require_digest;
};

// Why a tag does not pin the image, or "" when it does.
std::string tag_problem(const PinPolicy& policy, std::string_view tag)
{
  for (const std::string& moving : policy.moving_tags)
    if (glob_match(moving, tag)) return fmt::format("uses the moving tag ':{}'", tag);
  if (policy.require_digest) return fmt::format("is pinned by tag '{}' only, not by digest", tag);
  return "";
}

// Reports `image` of `owner` (described as `what`) when it is not pinned; runtime-provided images are skipped.
void judge_image(const CheckContext& ctx, const PinPolicy& policy, const Object& owner, const yaml::Node* image,
                 const std::string& what)
{
  if (!image || image->str().empty() || is_unbuilt_image(image->str())) return;
  ImageRef ref = parse_image(image->str());
  if (!ref.digest.empty()) return;
  std::string problem = ref.tag.empty() ? "has no tag, so it pulls ':latest'" : tag_problem(policy, ref.tag);
  if (problem.empty()) return;
  ctx.sink.report(owner, image,
                  fmt::format("{} image '{}' {}: the version that runs changes without a manifest change", what,
                              image->str(), problem));
}

// A kustomization's `images:` entry sets the tag of every matching image: its newTag is judged like a tag in the
// image (an entry with a digest is pinned; one without newTag keeps the tag the image has, judged there).
void judge_kustomization(const CheckContext& ctx, const PinPolicy& policy, const Object& kustomization)
{
  const yaml::Node* images = kustomization.root->get("images");
  if (!images || !images->is_sequence()) return;
  for (const yaml::Node* entry : images->children()) {
    const yaml::Node* tag = entry->get("newTag");
    if (!tag || !tag->is_scalar() || tag->str().empty() || !entry->str_at("digest").empty()) continue;
    if (is_unbuilt_image("image:" + std::string(tag->str()))) continue;
    std::string problem = tag_problem(policy, tag->str());
    if (problem.empty()) continue;
    ctx.sink.report(kustomization, tag,
                    fmt::format("kustomization images: entry for '{}' {}: every image it rewrites changes version "
                                "without a manifest change",
                                entry->str_at("name"), problem));
  }
}

}  // namespace

void check_image_pinned(const CheckContext& ctx)
{
  PinPolicy policy{ctx.rule.param_strings("movingTags"), ctx.rule.param_bool("requireDigest")};
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) judge_image(ctx, policy, *pod.owner, c.node->get("image"), c.label());
  // A bring-your-own kagent agent names the image its controller deploys: spec.byo.image, or
  // spec.byo.deployment.image in the v1alpha2 API.
  for (const Object& o : ctx.objects()) {
    if (!is_kagent_agent(o) || !o.spec) continue;
    const yaml::Node* byo = o.spec->get("byo");
    if (!byo) continue;
    const yaml::Node* image = byo->get("image");
    if (const yaml::Node* deployment = byo->get("deployment"); !image && deployment) image = deployment->get("image");
    judge_image(ctx, policy, o, image, fmt::format("{} (bring-your-own)", o.display_name()));
  }
  for (const Object* k : ctx.of_kind("Kustomization"))
    if (k->is("Kustomization", "kustomize.config.k8s.io")) judge_kustomization(ctx, policy, *k);
}

}  // namespace readyctl::lint
