// Loading the TCK's named graph scripts (see named_graphs.hpp).
#include "tools/tck/named_graphs.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ergo::tck {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NamedGraphError("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

std::vector<std::string> split_statements(std::string_view script) {
  std::vector<std::string> out;
  std::string current;
  char quote = 0;  // ', " or ` while inside one
  for (std::size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (quote) {
      current += c;
      if (c == '\\' && quote != '`' && i + 1 < script.size()) {
        current += script[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '/' && i + 1 < script.size() && script[i + 1] == '/') {
      while (i < script.size() && script[i] != '\n') ++i;
      current += '\n';
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == ';') {
      if (auto s = trim(current); !s.empty()) out.push_back(std::move(s));
      current.clear();
      continue;
    }
    current += c;
  }
  if (auto s = trim(current); !s.empty()) out.push_back(std::move(s));
  return out;
}

std::vector<std::string> named_graph_statements(const std::string& graphs_dir, const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos || name.find("..") != std::string::npos) {
    throw NamedGraphError("invalid graph name '" + name + "'");
  }
  fs::path dir = fs::path(graphs_dir) / name;
  if (!fs::is_directory(dir)) throw NamedGraphError("no named graph '" + name + "' (no directory " + dir.string() + ")");
  std::vector<std::string> scripts;
  fs::path meta = dir / (name + ".json");
  if (fs::exists(meta)) {
    try {
      auto json = nlohmann::json::parse(read_file(meta));
      for (const auto& s : json.at("scripts")) scripts.push_back(s.get<std::string>());
    } catch (const nlohmann::json::exception& e) {
      throw NamedGraphError(meta.string() + ": " + e.what());
    }
  } else {
    scripts.push_back(name);
  }
  std::vector<std::string> statements;
  for (const std::string& script : scripts) {
    for (std::string& s : split_statements(read_file(dir / (script + ".cypher")))) statements.push_back(std::move(s));
  }
  return statements;
}

}  // namespace ergo::tck
