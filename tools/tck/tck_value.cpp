// TckValue equality and rendering: the TCK's notion of "the same value"
// (integers never equal floats, NaN equals NaN, labels as a set, optionally
// lists as multisets) and its text notation for failure reports.
#include "tools/tck/tck_value.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>

namespace ergo::tck {
namespace {

bool lists_equal(const TckList& a, const TckList& b, ListOrder lists) {
  if (a.size() != b.size()) return false;
  if (lists == ListOrder::ordered) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!values_equal(a[i], b[i], lists)) return false;
    }
    return true;
  }
  // Multiset equality; values_equal is an equivalence, so greedy matching
  // finds a pairing whenever one exists.
  std::vector<bool> used(b.size(), false);
  for (const TckValue& x : a) {
    bool found = false;
    for (std::size_t j = 0; j < b.size() && !found; ++j) {
      if (!used[j] && values_equal(x, b[j], lists)) used[j] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

bool maps_equal(const TckMap& a, const TckMap& b, ListOrder lists) {
  if (a.size() != b.size()) return false;
  for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
    if (ia->first != ib->first || !values_equal(ia->second, ib->second, lists)) return false;
  }
  return true;
}

bool nodes_equal(const TckNode& a, const TckNode& b, ListOrder lists) {
  return a.labels == b.labels && maps_equal(a.properties, b.properties, lists);
}

bool relationships_equal(const TckRelationship& a, const TckRelationship& b, ListOrder lists) {
  return a.type == b.type && maps_equal(a.properties, b.properties, lists);
}

bool paths_equal(const TckPath& a, const TckPath& b, ListOrder lists) {
  if (a.steps.size() != b.steps.size() || !nodes_equal(a.start, b.start, lists)) return false;
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    const TckPathStep& x = a.steps[i];
    const TckPathStep& y = b.steps[i];
    if (x.forward != y.forward || !relationships_equal(x.relationship, y.relationship, lists) ||
        !nodes_equal(x.node, y.node, lists)) {
      return false;
    }
  }
  return true;
}

void render_to(std::string& out, const TckValue& value);

// Labels, types and keys as written in the TCK: bare when they are plain
// names, in backquotes otherwise.
void render_name(std::string& out, const std::string& name) {
  bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
  });
  if (plain) {
    out += name;
    return;
  }
  out += '`';
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  out += '`';
}

void render_string(std::string& out, const std::string& s) {
  out += '\'';
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

void render_double(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-Inf" : "Inf";
    return;
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string text(buf, end);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  out += text;
}

void render_map(std::string& out, const TckMap& map) {
  out += '{';
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) out += ", ";
    first = false;
    render_name(out, key);
    out += ": ";
    render_to(out, value);
  }
  out += '}';
}

void render_node(std::string& out, const TckNode& node) {
  out += '(';
  for (const std::string& label : node.labels) {
    out += ':';
    render_name(out, label);
  }
  if (!node.properties.empty()) {
    if (!node.labels.empty()) out += ' ';
    render_map(out, node.properties);
  }
  out += ')';
}

void render_relationship(std::string& out, const TckRelationship& rel) {
  out += "[:";
  render_name(out, rel.type);
  if (!rel.properties.empty()) {
    out += ' ';
    render_map(out, rel.properties);
  }
  out += ']';
}

void render_to(std::string& out, const TckValue& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          out += "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out += std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          render_double(out, v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          render_string(out, v);
        } else if constexpr (std::is_same_v<T, TckList>) {
          out += '[';
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            render_to(out, v[i]);
          }
          out += ']';
        } else if constexpr (std::is_same_v<T, TckMap>) {
          render_map(out, v);
        } else if constexpr (std::is_same_v<T, TckNode>) {
          render_node(out, v);
        } else if constexpr (std::is_same_v<T, TckRelationship>) {
          render_relationship(out, v);
        } else {
          static_assert(std::is_same_v<T, TckPath>);
          out += '<';
          render_node(out, v.start);
          for (const TckPathStep& step : v.steps) {
            out += step.forward ? "-" : "<-";
            render_relationship(out, step.relationship);
            out += step.forward ? "->" : "-";
            render_node(out, step.node);
          }
          out += '>';
        }
      },
      value.data);
}

}  // namespace

TckNode make_node(std::vector<std::string> labels, TckMap properties) {
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return TckNode{std::move(labels), std::move(properties)};
}

bool values_equal(const TckValue& a, const TckValue& b, ListOrder lists) {
  if (a.data.index() != b.data.index()) return false;
  return std::visit(
      [&](const auto& x) -> bool {
        using T = std::decay_t<decltype(x)>;
        const T& y = std::get<T>(b.data);
        if constexpr (std::is_same_v<T, std::monostate>) {
          return true;
        } else if constexpr (std::is_same_v<T, double>) {
          return x == y || (std::isnan(x) && std::isnan(y));
        } else if constexpr (std::is_same_v<T, TckList>) {
          return lists_equal(x, y, lists);
        } else if constexpr (std::is_same_v<T, TckMap>) {
          return maps_equal(x, y, lists);
        } else if constexpr (std::is_same_v<T, TckNode>) {
          return nodes_equal(x, y, lists);
        } else if constexpr (std::is_same_v<T, TckRelationship>) {
          return relationships_equal(x, y, lists);
        } else if constexpr (std::is_same_v<T, TckPath>) {
          return paths_equal(x, y, lists);
        } else {
          return x == y;
        }
      },
      a.data);
}

std::string render(const TckValue& value) {
  std::string out;
  render_to(out, value);
  return out;
}

}  // namespace ergo::tck
