#include "readyctl/report/yaml_writer.hpp"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include "readyctl/report/yaml_emit.hpp"

namespace readyctl {

YamlWriter::YamlWriter() : m_out(std::make_unique<YAML::Emitter>()) {}
YamlWriter::~YamlWriter() = default;

YamlWriter& YamlWriter::begin_map(bool flow)
{
  if (flow) *m_out << YAML::Flow;
  *m_out << YAML::BeginMap;
  return *this;
}

YamlWriter& YamlWriter::end_map()
{
  *m_out << YAML::EndMap;
  return *this;
}

YamlWriter& YamlWriter::begin_seq(bool flow)
{
  if (flow) *m_out << YAML::Flow;
  *m_out << YAML::BeginSeq;
  return *this;
}

YamlWriter& YamlWriter::end_seq()
{
  *m_out << YAML::EndSeq;
  return *this;
}

YamlWriter& YamlWriter::key(std::string_view name)
{
  *m_out << YAML::Key << std::string(name) << YAML::Value;
  return *this;
}

YamlWriter& YamlWriter::scalar_key(std::string_view name)
{
  *m_out << YAML::Key;
  emit_string(*m_out, name);
  *m_out << YAML::Value;
  return *this;
}

YamlWriter& YamlWriter::scalar(std::string_view text)
{
  emit_string(*m_out, text);
  return *this;
}

YamlWriter& YamlWriter::plain(std::string_view text)
{
  *m_out << std::string(text);
  return *this;
}

YamlWriter& YamlWriter::number(long long value)
{
  *m_out << value;
  return *this;
}

std::string YamlWriter::document() const { return finished_document(*m_out); }

}  // namespace readyctl
