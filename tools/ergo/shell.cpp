// The command loop (see shell.hpp).
#include "tools/ergo/shell.hpp"

#include <iostream>
#include <map>

namespace ergo::cli {
namespace {

std::string trim(const std::string& s) {
  auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return {};
  auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

constexpr const char* help =
    "Commands:\n"
    "  :find NAME   the entity with this name or alias (any case, Korean or English),\n"
    "               its labels, properties and relationships\n"
    "  :schema      labels and relationship types with their counts\n"
    "  :help        this help\n"
    "  :quit        leave (or Ctrl-D)\n";

}  // namespace

int Shell::run(std::istream& in, std::ostream& out, bool interactive) {
  int status = 0;
  std::string line;
  while (true) {
    if (interactive) out << "ergo> " << std::flush;
    if (!std::getline(in, line)) break;
    line = trim(line);
    if (line.empty() || line.starts_with("//")) continue;
    if (line == ":quit" || line == ":exit" || line == ":q") break;
    if (!execute(line, out) && !interactive) status = 1;
  }
  if (interactive) out << "\n";
  return status;
}

bool Shell::execute(const std::string& line, std::ostream& out) {
  std::string command = line.substr(0, line.find(' '));
  std::string argument = trim(line.substr(command.size()));
  if (command == ":help") {
    out << help;
  } else if (command == ":schema") {
    schema(out);
  } else if (command == ":find" && !argument.empty()) {
    find(argument, out);
  } else if (command == ":find") {
    messages_ << "error: :find needs a name, e.g. :find 마이크로소프트\n";
    return false;
  } else {
    messages_ << "error: unknown command '" << command << "'; type :help for the commands\n";
    return false;
  }
  return true;
}

void Shell::find(const std::string& name, std::ostream& out) const {
  auto nodes = graph_.find_by_name(name);
  if (nodes.empty()) {
    out << "no entity is named '" << name << "'\n";
    return;
  }
  auto name_of = [&](store::NodeId n) { return graph_.node_property(n, graph_.name_key()).as_string(); };
  for (store::NodeId n : nodes) {
    out << name_of(n);
    for (store::LabelId l : graph_.labels_of(n)) out << " :" << graph_.labels().name(l);
    out << "\n";
    for (const auto& [key, value] : graph_.node_properties(n)) {
      if (key != "name") out << "  " << key << ": " << value.to_cypher() << "\n";
    }
    for (const store::Adjacent& a : graph_.out(n)) {
      out << "  -[:" << graph_.types().name(graph_.type_of(a.rel)) << "]-> " << name_of(a.neighbor) << "\n";
    }
    for (const store::Adjacent& a : graph_.in(n)) {
      out << "  <-[:" << graph_.types().name(graph_.type_of(a.rel)) << "]- " << name_of(a.neighbor) << "\n";
    }
  }
}

void Shell::schema(std::ostream& out) const {
  std::map<std::string, std::size_t> labels, types;
  for (store::NodeId n = 0; n < graph_.node_count(); ++n) {
    for (store::LabelId l : graph_.labels_of(n)) ++labels[graph_.labels().name(l)];
  }
  for (store::RelId r = 0; r < graph_.relationship_count(); ++r) ++types[graph_.types().name(graph_.type_of(r))];
  out << "Labels (" << graph_.node_count() << " nodes):\n";
  for (const auto& [name, count] : labels) out << "  :" << name << "  " << count << "\n";
  out << "Relationship types (" << graph_.relationship_count() << " relationships):\n";
  for (const auto& [name, count] : types) out << "  :" << name << "  " << count << "\n";
}

}  // namespace ergo::cli
