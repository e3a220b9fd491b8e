// A YAML document written in order, for files with a fixed key order under a comment of ours (plan.yaml, scaffold's
// recorded answers). Libraries other than report write YAML through it or json_to_yaml, so only report links yaml-cpp.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace YAML {
class Emitter;
}

namespace readyctl {

class YamlWriter {
public:
  YamlWriter();
  ~YamlWriter();
  YamlWriter(const YamlWriter&) = delete;
  YamlWriter& operator=(const YamlWriter&) = delete;

  // `flow` writes the collection on its key's line (`[]`, `{}` when empty).
  YamlWriter& begin_map(bool flow = false);
  YamlWriter& end_map();
  YamlWriter& begin_seq(bool flow = false);
  YamlWriter& end_seq();
  // A key we name (a fixed field), written plain.
  YamlWriter& key(std::string_view name);
  // A key from the user's data, quoted as scalar() quotes.
  YamlWriter& scalar_key(std::string_view name);
  // A string that reads back as exactly this string, quoted when a YAML reader would take it for something else.
  YamlWriter& scalar(std::string_view text);
  // Text written as it is (a validated date): yaml-cpp still quotes what its own rules call unsafe.
  YamlWriter& plain(std::string_view text);
  YamlWriter& number(long long value);
  // The document so far, ending with one newline.
  std::string document() const;

private:
  std::unique_ptr<YAML::Emitter> m_out;
};

}  // namespace readyctl
