// image-pinned: container images name a fixed version: no tagless or :latest images; optionally a digest.
#include <fmt/format.h>

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

}  // namespace

void check_image_pinned(const CheckContext& ctx)
{
  bool require_digest = ctx.rule.param_bool("requireDigest");
  for (const PodTemplate& pod : ctx.graph.pods())
    for (const ContainerRef& c : all_containers(pod)) {
      const yaml::Node* image = c.node->get("image");
      if (!image || image->str().empty() || is_templated(image->str())) continue;  // runtime-provided image
      ImageRef ref = parse_image(image->str());
      std::string problem;
      if (!ref.digest.empty()) continue;
      if (ref.tag.empty()) problem = "has no tag, so it pulls ':latest'";
      else if (ref.tag == "latest") problem = "uses the moving tag ':latest'";
      else if (require_digest) problem = fmt::format("is pinned by tag '{}' only, not by digest", ref.tag);
      else continue;
      ctx.sink.report(*pod.owner, image,
                      fmt::format("{} image '{}' {}: the version that runs changes without a manifest change",
                                  c.label(), image->str(), problem));
    }
}

}  // namespace readyctl::lint
