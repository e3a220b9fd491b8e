// Evidence the plan tests write by hand: the date they evaluate on, a manifest with a guardrail error, journals.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace readyctl::test {

// Today for every status call: 2026-11-23, three weeks and a day after the plans' start on 2026-11-02.
inline const std::string k_plan_today = " --today 2026-11-23";

// A wildcard ClusterRole: rbac-wildcard is an error in the isolation category.
inline const char* const k_wildcard_cluster_role = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: operator
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
)";

// A finished journal with one method event: the fields `gameday run` writes that plan and its report read
// (src/readyctl/gameday/runner.cpp journal_header).
inline void write_plan_journal(const std::filesystem::path& to, const std::string& name, const std::vector<std::string>& tags,
                               const std::string& verdict, const std::string& start)
{
  using Json = nlohmann::json;
  Json event = {{"phase", "method"}, {"name", "kill-" + name}, {"status", "succeeded"}, {"t0", 1.0}, {"t1", 1.5}};
  Json j = {{"schemaVersion", 1}, {"kind", "GameDayJournal"}, {"runId", "run-" + name},
            {"scenario", {{"path", name + ".yaml"}, {"name", name}, {"tags", tags}}},
            {"dryRun", false}, {"start", start}, {"end", start}, {"duration", 9.0}, {"state", "finished"},
            {"verdict", verdict}, {"events", Json::array({event})}, {"undos", Json::array()}};
  std::filesystem::create_directories(to.parent_path());
  std::ofstream(to) << j.dump(1);
}

}  // namespace readyctl::test
