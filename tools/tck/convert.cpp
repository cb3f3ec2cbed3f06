// ergo::Value ⇄ TckValue (see convert.hpp). Graph elements are resolved to
// their labels, type and properties; path directions are read from each
// relationship's start and end node.
#include "tools/tck/convert.hpp"

#include <cstdio>

namespace ergo::tck {
namespace {

// The TCK writes temporal results as java.time's toString() writes them,
// which is not Cypher's toString(): seconds only when they or a fraction
// are not zero, and a fraction in groups of three digits (10:35,
// 12:31:14.500). Cypher's text (seconds always) is what ergo prints.
std::string java_time(ergo::LocalTime t) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour(), t.minute());
  std::string out(buf, static_cast<std::size_t>(n));
  if (t.second() == 0 && t.nanosecond() == 0) return out;
  n = std::snprintf(buf, sizeof buf, ":%02d", t.second());
  out.append(buf, static_cast<std::size_t>(n));
  const int ns = t.nanosecond();
  if (ns == 0) return out;
  if (ns % 1'000'000 == 0) {
    n = std::snprintf(buf, sizeof buf, ".%03d", ns / 1'000'000);
  } else if (ns % 1000 == 0) {
    n = std::snprintf(buf, sizeof buf, ".%06d", ns / 1000);
  } else {
    n = std::snprintf(buf, sizeof buf, ".%09d", ns);
  }
  return out.append(buf, static_cast<std::size_t>(n));
}

// Z, +09:00: the offset as both notations write it.
std::string offset_text(std::int32_t offset) { return ergo::Time(ergo::LocalTime(), offset).to_string().substr(8); }

std::string java_text(const ergo::Value& value) {
  using T = ergo::Value::Type;
  switch (value.type()) {
    case T::local_time: return java_time(value.as_local_time());
    case T::time: return java_time(value.as_time().local()) + offset_text(value.as_time().offset_seconds());
    case T::local_datetime: {
      ergo::LocalDateTime l = value.as_local_datetime();
      return l.date().to_string() + "T" + java_time(l.time());
    }
    case T::datetime: {
      const ergo::DateTime& d = value.as_datetime();
      ergo::LocalDateTime l = d.local();
      return l.date().to_string() + "T" + java_time(l.time()) + offset_text(d.offset_seconds()) +
             (d.zone().empty() ? "" : "[" + d.zone() + "]");
    }
    default: return value.as_duration().to_string();
  }
}

TckMap to_tck_map(const ergo::Map& map, const GraphView& graph) {
  TckMap out;
  for (const auto& [key, value] : map) out[key] = to_tck_value(value, graph);
  return out;
}

TckNode to_tck_node(ergo::NodeRef n, const GraphView& graph) {
  return make_node(graph.labels(n), to_tck_map(graph.properties(n), graph));
}

TckRelationship to_tck_relationship(ergo::RelationshipRef r, const GraphView& graph) {
  return TckRelationship{graph.type(r), to_tck_map(graph.properties(r), graph)};
}

TckPath to_tck_path(const ergo::PathRef& p, const GraphView& graph) {
  if (p.nodes.size() != p.relationships.size() + 1) {
    throw ConversionError("malformed path: " + std::to_string(p.nodes.size()) + " nodes and " +
                          std::to_string(p.relationships.size()) + " relationships");
  }
  TckPath out;
  out.start = to_tck_node(p.nodes.front(), graph);
  for (std::size_t i = 0; i < p.relationships.size(); ++i) {
    ergo::RelationshipRef r = p.relationships[i];
    ergo::NodeRef from = p.nodes[i];
    ergo::NodeRef to = p.nodes[i + 1];
    ergo::NodeRef start = graph.start_node(r);
    ergo::NodeRef end = graph.end_node(r);
    TckPathStep step;
    if (start == from && end == to) {
      step.forward = true;
    } else if (start == to && end == from) {
      step.forward = false;
    } else {
      throw ConversionError("malformed path: relationship #" + std::to_string(r.id) + " does not join nodes #" +
                            std::to_string(from.id) + " and #" + std::to_string(to.id));
    }
    step.relationship = to_tck_relationship(r, graph);
    step.node = to_tck_node(to, graph);
    out.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace

TckValue to_tck_value(const ergo::Value& value, const GraphView& graph) {
  using T = ergo::Value::Type;
  switch (value.type()) {
    case T::null: return TckValue{};
    case T::boolean: return value.as_bool();
    case T::integer: return value.as_int();
    case T::floating: return *value.get_if<double>();
    case T::string: return value.as_string();
    // The TCK has no temporal notation: expected results write temporal
    // values as strings ('1910-05-06'), and TCK drivers compare them so.
    case T::date: return value.as_date().to_string();
    case T::local_time:
    case T::time:
    case T::local_datetime:
    case T::datetime:
    case T::duration: return java_text(value);
    case T::list: {
      TckList out;
      for (const ergo::Value& v : value.as_list()) out.push_back(to_tck_value(v, graph));
      return out;
    }
    case T::map: return to_tck_map(value.as_map(), graph);
    case T::node: return to_tck_node(value.as_node(), graph);
    case T::relationship: return to_tck_relationship(value.as_relationship(), graph);
    case T::path: return to_tck_path(value.as_path(), graph);
  }
  throw ConversionError("value of unknown type");
}

ergo::Value to_ergo_value(const TckValue& value) {
  return std::visit(
      [](const auto& v) -> ergo::Value {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::monostate>) {
          return ergo::Value{};
        } else if constexpr (std::is_same_v<V, bool> || std::is_same_v<V, std::int64_t> ||
                             std::is_same_v<V, double> || std::is_same_v<V, std::string>) {
          return ergo::Value{v};
        } else if constexpr (std::is_same_v<V, TckList>) {
          ergo::List out;
          for (const TckValue& x : v) out.push_back(to_ergo_value(x));
          return ergo::Value{std::move(out)};
        } else if constexpr (std::is_same_v<V, TckMap>) {
          ergo::Map out;
          for (const auto& [key, x] : v) out.emplace_back(key, to_ergo_value(x));
          return ergo::Value{std::move(out)};
        } else {
          throw ConversionError("a node, relationship or path cannot be a query parameter");
        }
      },
      value.data);
}

}  // namespace ergo::tck
