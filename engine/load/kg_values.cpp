// .kg values → store values (see kg_values.hpp).
#include "engine/load/kg_values.hpp"

#include <algorithm>
#include <unordered_map>

#include "engine/value/time_zone.hpp"

namespace ergo::load {
namespace {

struct Converter {
  const text::SourceText& source;
  std::vector<text::Diagnostic>& diagnostics;
  // Where each key of the output list is: a hashed look-up, not a scan of
  // the keys before (a map of 70,000 keys once took minutes).
  std::unordered_map<std::string, std::size_t> index = {};

  void error(kg::Span span, std::string message) {
    diagnostics.push_back(text::make_diagnostic(source, span.begin, span.end - span.begin,
                                                text::Severity::error, std::move(message)));
  }

  Value date(const kg::Date& d, kg::Span span) {
    if (auto value = Date::from_ymd(d.year, d.month, d.day)) return *value;
    error(span, "invalid date");
    return Value();
  }

  // A time, date-time or duration literal: the first reading that takes
  // the whole text.
  Value temporal(const kg::Temporal& t, kg::Span span) {
    const std::string& s = t.text;
    if (auto d = Duration::parse(s)) return *d;
    if (auto l = LocalDateTime::parse(s)) return *l;
    if (auto d = DateTime::parse(s)) return *d;
    if (auto l = LocalTime::parse(s)) return *l;
    if (auto l = Time::parse(s)) return *l;
    if (std::size_t open = s.rfind('['); open != std::string::npos && s.back() == ']') {
      const std::string zone = s.substr(open + 1, s.size() - open - 2);
      if (!time_zone::exists(zone)) {
        error(span, "unknown time zone '" + zone + "' in '" + s +
                        "': use a name from the tz database such as Asia/Seoul, or an offset such as +09:00");
        return Value();
      }
    }
    error(span, "invalid time, date-time or duration '" + s +
                    "': write 09:30:00, 09:30:00+09:00, 2019-07-22T09:30:00, 2019-07-22T09:30:00+09:00, "
                    "2019-07-22T09:30[Asia/Seoul] (a zone of the tz database) or P1Y2M3DT4H");
    return Value();
  }

  // A value inside a list or a nested map: shorthands don't expand there.
  Value nested(const kg::Value& v) {
    return std::visit(
        [&](const auto& x) -> Value {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, kg::Null>) {
            return Value();
          } else if constexpr (std::is_same_v<T, kg::Date>) {
            return date(x, v.span);
          } else if constexpr (std::is_same_v<T, kg::Temporal>) {
            return temporal(x, v.span);
          } else if constexpr (std::is_same_v<T, kg::Money>) {
            error(v.span, "a money value can only be a property's own value, not inside a list or map");
            return Value();
          } else if constexpr (std::is_same_v<T, kg::List>) {
            List items;
            for (const kg::Value& item : x) items.push_back(nested(item));
            return items;
          } else if constexpr (std::is_same_v<T, kg::Map>) {
            Map entries;
            for (const kg::Property& p : x) entries.emplace_back(p.key, nested(p.value));
            return Value(std::move(entries));
          } else {
            return Value(x);
          }
        },
        v.data);
  }

  void set(PropertyList& out, const std::string& key, Value value, kg::Span span) {
    auto [at, fresh] = index.try_emplace(key, out.size());
    if (fresh) {
      out.emplace_back(key, std::move(value));
    } else if (const Value& earlier = out[at->second].second; earlier != value) {
      error(span, "'" + key + "' is set twice here, to " + earlier.to_cypher() + " and " + value.to_cypher());
    }
  }

  void property(const kg::Property& p, PropertyList& out) {
    const kg::Value& v = p.value;
    if (auto* money = std::get_if<kg::Money>(&v.data)) {
      Value amount = std::visit([](auto a) { return Value(a); }, money->amount);
      set(out, p.key, std::move(amount), p.span);
      set(out, "currency", Value(money->currency), p.span);
    } else if (auto* d = std::get_if<kg::Date>(&v.data); d && d->precision == kg::Date::Precision::month) {
      set(out, p.key, date(*d, v.span), p.span);
      set(out, p.key + "_precision", Value("month"), p.span);
    } else if (!std::holds_alternative<kg::Null>(v.data)) {
      set(out, p.key, nested(v), p.span);
    }
  }
};

}  // namespace

void convert_properties(const kg::Map& map, const text::SourceText& source, PropertyList& out,
                        std::vector<text::Diagnostic>& diagnostics) {
  Converter c{source, diagnostics};
  for (std::size_t i = 0; i < out.size(); ++i) c.index.try_emplace(out[i].first, i);
  for (const kg::Property& p : map) c.property(p, out);
}

}  // namespace ergo::load
