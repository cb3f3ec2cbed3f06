#include "tools/server/bolt_values.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace ergo::server {

using packstream::PackValue;
using packstream::Packer;

namespace {

void pack_map(Packer& packer, const ergo::Map& map, const ergo::Result& result) {
  packer.pack_map_header(map.size());
  for (const auto& [key, item] : map) {
    packer.pack_string(key);
    pack_value(packer, item, result);
  }
}

void pack_node(Packer& packer, ergo::NodeRef n, const ergo::Result& result) {
  packer.pack_struct_header(tag::node, 4);
  packer.pack_int(n.id);
  const std::vector<std::string> labels = result.labels(n);
  packer.pack_list_header(labels.size());
  for (const std::string& label : labels) packer.pack_string(label);
  pack_map(packer, result.properties(n), result);
  packer.pack_string(ergo::element_id(n));
}

void pack_relationship(Packer& packer, ergo::RelationshipRef r, const ergo::Result& result) {
  const ergo::NodeRef start = result.start_node(r);
  const ergo::NodeRef end = result.end_node(r);
  packer.pack_struct_header(tag::relationship, 8);
  packer.pack_int(r.id);
  packer.pack_int(start.id);
  packer.pack_int(end.id);
  packer.pack_string(result.type(r));
  pack_map(packer, result.properties(r), result);
  packer.pack_string(ergo::element_id(r));
  packer.pack_string(ergo::element_id(start));
  packer.pack_string(ergo::element_id(end));
}

// A path as Bolt wants it: each distinct node and relationship once, then
// indices alternating relationship (1-based, negative when walked against
// its direction) and node (0-based into the node list).
void pack_path(Packer& packer, const ergo::PathRef& path, const ergo::Result& result) {
  std::vector<ergo::NodeRef> nodes;
  std::vector<ergo::RelationshipRef> rels;
  auto index_of = [](auto& list, auto item) {
    auto it = std::find(list.begin(), list.end(), item);
    if (it != list.end()) return static_cast<std::int64_t>(it - list.begin());
    list.push_back(item);
    return static_cast<std::int64_t>(list.size() - 1);
  };
  std::vector<std::int64_t> indices;
  if (!path.nodes.empty()) index_of(nodes, path.nodes[0]);
  for (std::size_t i = 0; i < path.relationships.size() && i + 1 < path.nodes.size(); ++i) {
    const ergo::RelationshipRef r = path.relationships[i];
    const std::int64_t rel = index_of(rels, r) + 1;
    const bool forward = result.start_node(r) == path.nodes[i];
    indices.push_back(forward ? rel : -rel);
    indices.push_back(index_of(nodes, path.nodes[i + 1]));
  }
  packer.pack_struct_header(tag::path, 3);
  packer.pack_list_header(nodes.size());
  for (ergo::NodeRef n : nodes) pack_node(packer, n, result);
  packer.pack_list_header(rels.size());
  for (ergo::RelationshipRef r : rels) {
    packer.pack_struct_header(tag::unbound_relationship, 4);
    packer.pack_int(r.id);
    packer.pack_string(result.type(r));
    pack_map(packer, result.properties(r), result);
    packer.pack_string(ergo::element_id(r));
  }
  packer.pack_list_header(indices.size());
  for (std::int64_t i : indices) packer.pack_int(i);
}

}  // namespace

void pack_value(Packer& packer, const ergo::Value& value, const ergo::Result& result) {
  using T = ergo::Value::Type;
  switch (value.type()) {
    case T::null: packer.pack_null(); return;
    case T::boolean: packer.pack_bool(value.as_bool()); return;
    case T::integer: packer.pack_int(value.as_int()); return;
    case T::floating: packer.pack_float(value.as_double()); return;
    case T::string: packer.pack_string(value.as_string()); return;
    case T::date:
      packer.pack_struct_header(tag::date, 1);
      packer.pack_int(value.as_date().days_since_epoch());
      return;
    case T::local_time:
      packer.pack_struct_header(tag::local_time, 1);
      packer.pack_int(value.as_local_time().nanos_of_day());
      return;
    case T::time:
      packer.pack_struct_header(tag::time, 2);
      packer.pack_int(value.as_time().local().nanos_of_day());
      packer.pack_int(value.as_time().offset_seconds());
      return;
    case T::local_datetime:
      packer.pack_struct_header(tag::local_datetime, 2);
      packer.pack_int(value.as_local_datetime().epoch_seconds());
      packer.pack_int(value.as_local_datetime().nanosecond());
      return;
    case T::datetime: {
      const ergo::DateTime& d = value.as_datetime();
      packer.pack_struct_header(d.zone().empty() ? tag::datetime : tag::datetime_zone_id, 3);
      packer.pack_int(d.epoch_seconds());
      packer.pack_int(d.nanosecond());
      if (d.zone().empty()) {
        packer.pack_int(d.offset_seconds());
      } else {
        packer.pack_string(d.zone());
      }
      return;
    }
    case T::duration:
      packer.pack_struct_header(tag::duration, 4);
      packer.pack_int(value.as_duration().months());
      packer.pack_int(value.as_duration().days());
      packer.pack_int(value.as_duration().seconds());
      packer.pack_int(value.as_duration().nanoseconds());
      return;
    case T::list:
      packer.pack_list_header(value.as_list().size());
      for (const ergo::Value& item : value.as_list()) pack_value(packer, item, result);
      return;
    case T::map: pack_map(packer, value.as_map(), result); return;
    case T::node: pack_node(packer, value.as_node(), result); return;
    case T::relationship: pack_relationship(packer, value.as_relationship(), result); return;
    case T::path: pack_path(packer, value.as_path(), result); return;
  }
}

namespace {

// A temporal structure from the wire, checked field by field; nullopt when
// its fields are not what Bolt 5 defines or out of range.
std::optional<ergo::Value> temporal_parameter(const packstream::PackStruct& s) {
  std::vector<std::int64_t> ints;
  std::string text;
  for (const PackValue& f : s.fields) {
    if (const std::int64_t* i = f.get_if<std::int64_t>()) {
      ints.push_back(*i);
    } else if (const std::string* t = f.get_if<std::string>(); t && text.empty() && &f == &s.fields.back()) {
      text = *t;
    } else {
      return std::nullopt;
    }
  }
  // Dates and instants within the years -999999999 to 999999999, as ergo's.
  static const std::int64_t first_day = ergo::Date::from_ymd(ergo::Date::min_year, 1, 1)->days_since_epoch();
  static const std::int64_t last_day = ergo::Date::from_ymd(ergo::Date::max_year, 12, 31)->days_since_epoch();
  const std::int64_t max_seconds = last_day * 86'400;
  auto seconds_ok = [&](std::int64_t v) { return v >= -max_seconds && v <= max_seconds; };
  auto nanos_ok = [](std::int64_t v) { return v >= 0 && v < ergo::nanos_per_second; };
  auto offset_ok = [](std::int64_t v) { return v >= -18 * 3600 && v <= 18 * 3600; };
  switch (s.tag) {
    case tag::date:
      if (ints.size() == 1 && text.empty() && ints[0] >= first_day && ints[0] <= last_day) {
        return ergo::Value(ergo::Date::from_days(ints[0]));
      }
      return std::nullopt;
    case tag::local_time:
      if (ints.size() != 1 || !text.empty()) return std::nullopt;
      if (auto t = ergo::LocalTime::from_nanos(ints[0])) return ergo::Value(*t);
      return std::nullopt;
    case tag::time:
      if (ints.size() != 2 || !text.empty() || !offset_ok(ints[1])) return std::nullopt;
      if (auto t = ergo::LocalTime::from_nanos(ints[0])) return ergo::Value(ergo::Time(*t, static_cast<std::int32_t>(ints[1])));
      return std::nullopt;
    case tag::local_datetime:
      if (ints.size() != 2 || !text.empty() || !seconds_ok(ints[0]) || !nanos_ok(ints[1])) return std::nullopt;
      return ergo::Value(ergo::LocalDateTime::from_epoch(ints[0], static_cast<std::int32_t>(ints[1])));
    case tag::datetime:
      if (ints.size() != 3 || !text.empty() || !seconds_ok(ints[0]) || !nanos_ok(ints[1]) || !offset_ok(ints[2])) {
        return std::nullopt;
      }
      return ergo::Value(ergo::DateTime::at_offset(ints[0], static_cast<std::int32_t>(ints[1]), static_cast<std::int32_t>(ints[2])));
    case tag::datetime_zone_id: {
      if (ints.size() != 2 || text.empty() || !seconds_ok(ints[0]) || !nanos_ok(ints[1])) return std::nullopt;
      if (auto d = ergo::DateTime::in_zone(ints[0], static_cast<std::int32_t>(ints[1]), text)) return ergo::Value(*d);
      return std::nullopt;
    }
    case tag::duration: {
      if (ints.size() != 4 || !text.empty()) return std::nullopt;
      if (auto d = ergo::Duration::from_parts(ints[0], ints[1], ints[2], ints[3])) return ergo::Value(*d);
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

}  // namespace

ergo::Value to_ergo_value(const PackValue& value, const std::string& name) {
  struct Visit {
    const std::string& name;
    ergo::Value operator()(std::monostate) const { return {}; }
    ergo::Value operator()(bool b) const { return b; }
    ergo::Value operator()(std::int64_t i) const { return i; }
    ergo::Value operator()(double d) const { return d; }
    ergo::Value operator()(const std::string& s) const { return s; }
    ergo::Value operator()(const packstream::Bytes&) const {
      throw ergo::Error(ergo::ErrorKind::type_error, "parameter $" + name + " is a byte array; ergo has no byte arrays");
    }
    ergo::Value operator()(const packstream::PackList& l) const {
      ergo::List list;
      list.reserve(l.size());
      for (const PackValue& item : l) list.push_back(to_ergo_value(item, name));
      return list;
    }
    ergo::Value operator()(const packstream::PackMap& m) const {
      ergo::Map map;
      map.reserve(m.size());
      for (const auto& [key, item] : m) map.emplace_back(key, to_ergo_value(item, name));
      return map;
    }
    ergo::Value operator()(const packstream::PackStruct& s) const {
      if (std::optional<ergo::Value> t = temporal_parameter(s)) return *t;
      static const char* hex = "0123456789ABCDEF";
      throw ergo::Error(ergo::ErrorKind::type_error,
                        "parameter $" + name + " is a structure (tag 0x" + hex[s.tag >> 4] + hex[s.tag & 15] +
                            ") ergo cannot take as a parameter; ergo's parameters are null, booleans, integers, "
                            "floats, strings, temporal values (Bolt 5's Date, Time, LocalTime, DateTime, "
                            "DateTimeZoneId, LocalDateTime and Duration, with fields in range), lists and maps");
    }
  };
  return std::visit(Visit{name}, value.v);
}

}  // namespace ergo::server
