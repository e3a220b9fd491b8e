// image-pinned: container images name a fixed version: no tagless or :latest images; optionally a digest.
#include <fmt/format.h>

#include "readyctl/lint/checks/agents.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

struct ImageRef {
  std::string_view tag;     // empty when the reference has none
  std::string_view digest;  // "sha256:..." or empty
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
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash))
    ref.tag = image.substr(colon + 1);
  return ref;
}

// Values a pipeline fills in later (${IMAGE}, {{ .Values.image }}) are not images yet.
bool is_templated(std::string_view image)
{
  return image.find('$') != std::string_view::npos || image.find("{{") != std::string_view::npos;
}

// Reports `image` of `owner` (described as `what`) when it is not pinned; runtime-provided images are skipped.
void judge_image(const CheckContext& ctx, bool require_digest, const Object& owner, const yaml::Node* image,
                 const std::string& what)
{
  if (!image || image->str().empty() || is_templated(image->str())) return;  // runtime-provided image
  ImageRef ref = parse_image(image->str());
  std::string problem;
  if (!ref.digest.empty()) return;
  if (ref.tag.empty()) problem = "has no tag, so it pulls ':latest'";
  else if (ref.tag == "latest") problem = "uses the moving tag ':latest'";
  else if (require_digest) problem = fmt::format("is pinned by tag '{}' only, not by digest", ref.tag);
  else return;
  ctx.sink.report(owner, image,
                  fmt::format("{} image '{}' {}: the version that runs changes without a manifest change", what,
                              image->str(), problem));
}

}  // namespace

void check_image_pinned(const CheckContext& ctx)
{
  bool require_digest = ctx.rule.param_bool("requireDigest");
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod))
      judge_image(ctx, require_digest, *pod.owner, c.node->get("image"), c.label());
  // A bring-your-own kagent agent names the image its controller deploys: spec.byo.image, or
  // spec.byo.deployment.image in the v1alpha2 API.
  for (const Object& o : ctx.objects()) {
    if (!is_kagent_agent(o) || !o.spec) continue;
    const yaml::Node* byo = o.spec->get("byo");
    if (!byo) continue;
    const yaml::Node* image = byo->get("image");
    if (const yaml::Node* deployment = byo->get("deployment"); !image && deployment) image = deployment->get("image");
    judge_image(ctx, require_digest, o, image, fmt::format("{} (bring-your-own)", o.display_name()));
  }
}

}  // namespace readyctl::lint
