// Exact parsing of the duration and quantity strings Kubernetes, Istio, Dapr and Envoy accept.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace readyctl {

// Go/protobuf durations: "1h2m3.5s", "500ms", "250us", "90s", "0". nullopt when malformed.
std::optional<double> parse_duration_seconds(std::string_view text);

// Kubernetes resource quantities: "500m", "2", "1.5Gi", "1e3", "128974848". nullopt when malformed.
std::optional<double> parse_quantity(std::string_view text);

// Human form of a duration in seconds: "1m30s", "500ms", "2h".
std::string format_duration(double seconds);

}  // namespace readyctl
