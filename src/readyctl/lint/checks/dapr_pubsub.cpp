// pubsub-dead-letter: declarative Dapr Subscriptions park undeliverable messages on a dead-letter topic.
#include <fmt/format.h>

#include "readyctl/lint/checks/platform_checks.hpp"
#include "readyctl/lint/checks/platform_dapr.hpp"

namespace readyctl::lint {

void check_pubsub_dead_letter(const CheckContext& ctx)
{
  for (const Object* sub : dapr::resources(ctx.graph, "Subscription")) {
    const yaml::Node* topic = sub->spec ? sub->spec->get("topic") : nullptr;
    const yaml::Node* dead = sub->spec ? sub->spec->get("deadLetterTopic") : nullptr;
    const std::string_view topic_name = topic ? topic->str() : std::string_view();
    if (!dead || dead->str().empty()) {
      ctx.sink.report(*sub, dead ? dead : (sub->spec ? sub->spec : sub->root),
                      fmt::format("Subscription '{}' to topic '{}' declares no spec.deadLetterTopic: a message the "
                                  "app keeps failing on is retried by the resiliency policy and then dropped",
                                  sub->name, topic_name));
    } else if (dead->str() == topic_name) {
      ctx.sink.report(*sub, dead,
                      fmt::format("Subscription '{}' uses its own topic '{}' as deadLetterTopic: failed messages "
                                  "are redelivered to the same subscriber forever",
                                  sub->name, topic_name));
    }
  }
}

}  // namespace readyctl::lint
