// Value encoding (see bytes.hpp): a tag byte, then the payload.
#include "engine/storage/bytes.hpp"

#include <bit>
#include <cstring>
#include <limits>

#include "ergo/error.hpp"

namespace ergo::storage {
namespace {

// Tags are part of the file format: never renumber them.
enum Tag : std::uint8_t { null_tag = 0, false_tag = 1, true_tag = 2, int_tag = 3, float_tag = 4, string_tag = 5,
                          date_tag = 6, list_tag = 7, map_tag = 8,
                          // The other temporal types (added within format version 1: files
                          // without them read as before).
                          local_time_tag = 9, time_tag = 10, local_datetime_tag = 11, datetime_tag = 12,
                          duration_tag = 13,
                          // A date beyond the 32 bits of date_tag's day count (years past
                          // about ±5.8 million; also within format version 1).
                          wide_date_tag = 14 };

// The days date_tag's 32 bits hold; other dates are written as wide_date_tag.
bool fits_32_bits(std::int64_t days) {
  return days >= std::numeric_limits<std::int32_t>::min() && days <= std::numeric_limits<std::int32_t>::max();
}

// Whether a day count read back is in the range of ergo's dates.
bool date_in_range(std::int64_t days) {
  static const std::int64_t first = Date::from_ymd(Date::min_year, 1, 1)->days_since_epoch();
  static const std::int64_t last = Date::from_ymd(Date::max_year, 12, 31)->days_since_epoch();
  return days >= first && days <= last;
}

// Lists nest; a malicious or damaged file must not recurse without end.
constexpr int max_depth = 64;

}  // namespace

void ByteWriter::string(std::string_view s) {
  u32(static_cast<std::uint32_t>(s.size()));
  const auto* p = reinterpret_cast<const std::byte*>(s.data());
  bytes_.insert(bytes_.end(), p, p + s.size());
}

void ByteWriter::value(const Value& v) {
  switch (v.type()) {
    case Value::Type::null: u8(null_tag); return;
    case Value::Type::boolean: u8(v.as_bool() ? true_tag : false_tag); return;
    case Value::Type::integer: u8(int_tag); u64(static_cast<std::uint64_t>(v.as_int())); return;
    case Value::Type::floating: u8(float_tag); u64(std::bit_cast<std::uint64_t>(v.as_double())); return;
    case Value::Type::string: u8(string_tag); string(v.as_string()); return;
    case Value::Type::date: {
      const std::int64_t days = v.as_date().days_since_epoch();
      if (fits_32_bits(days)) {
        u8(date_tag);
        u32(static_cast<std::uint32_t>(static_cast<std::int32_t>(days)));
      } else {
        u8(wide_date_tag);
        u64(static_cast<std::uint64_t>(days));
      }
      return;
    }
    case Value::Type::local_time: u8(local_time_tag); u64(static_cast<std::uint64_t>(v.as_local_time().nanos_of_day())); return;
    case Value::Type::time:
      u8(time_tag);
      u64(static_cast<std::uint64_t>(v.as_time().local().nanos_of_day()));
      u32(static_cast<std::uint32_t>(v.as_time().offset_seconds()));
      return;
    case Value::Type::local_datetime:
      u8(local_datetime_tag);
      u64(static_cast<std::uint64_t>(v.as_local_datetime().epoch_seconds()));
      u32(static_cast<std::uint32_t>(v.as_local_datetime().nanosecond()));
      return;
    case Value::Type::datetime: {
      // The zone by name: its offset is looked up again when read.
      const DateTime& d = v.as_datetime();
      u8(datetime_tag);
      u64(static_cast<std::uint64_t>(d.epoch_seconds()));
      u32(static_cast<std::uint32_t>(d.nanosecond()));
      u32(static_cast<std::uint32_t>(d.offset_seconds()));
      string(d.zone());
      return;
    }
    case Value::Type::duration: {
      const Duration d = v.as_duration();
      u8(duration_tag);
      u64(static_cast<std::uint64_t>(d.months()));
      u64(static_cast<std::uint64_t>(d.days()));
      u64(static_cast<std::uint64_t>(d.seconds()));
      u32(static_cast<std::uint32_t>(d.nanoseconds()));
      return;
    }
    case Value::Type::list:
      u8(list_tag);
      u32(static_cast<std::uint32_t>(v.as_list().size()));
      for (const Value& item : v.as_list()) value(item);
      return;
    case Value::Type::map:
      u8(map_tag);
      u32(static_cast<std::uint32_t>(v.as_map().size()));
      for (const auto& [key, item] : v.as_map()) {
        string(key);
        value(item);
      }
      return;
    default:
      throw Error(ErrorKind::data_error, std::string("a property cannot hold a ") + type_name(v.type()) +
                                             " value; store its id or its properties instead");
  }
}

std::uint64_t ByteReader::get(int width) {
  if (bytes_.size() - at_ < static_cast<std::size_t>(width)) throw Malformed{"record ends in the middle of a value"};
  std::uint64_t v = 0;
  for (int i = 0; i < width; ++i) v |= std::uint64_t(static_cast<std::uint8_t>(bytes_[at_ + i])) << (8 * i);
  at_ += width;
  return v;
}

std::string ByteReader::string() {
  const std::uint32_t n = u32();
  if (bytes_.size() - at_ < n) throw Malformed{"record ends in the middle of a string"};
  std::string s(reinterpret_cast<const char*>(bytes_.data() + at_), n);
  at_ += n;
  return s;
}

Value ByteReader::value(int depth) {
  if (depth > max_depth) throw Malformed{"values nested too deeply"};
  switch (const std::uint8_t tag = u8()) {
    case null_tag: return Value();
    case false_tag: return Value(false);
    case true_tag: return Value(true);
    case int_tag: return Value(static_cast<std::int64_t>(u64()));
    case float_tag: return Value(std::bit_cast<double>(u64()));
    case string_tag: return Value(string());
    case date_tag: return Value(Date::from_days(static_cast<std::int32_t>(u32())));
    case wide_date_tag: {
      const auto days = static_cast<std::int64_t>(u64());
      if (!date_in_range(days)) throw Malformed{"a date out of range"};
      return Value(Date::from_days(days));
    }
    case local_time_tag: {
      std::optional<LocalTime> t = LocalTime::from_nanos(static_cast<std::int64_t>(u64()));
      if (!t) throw Malformed{"a local time out of range"};
      return Value(*t);
    }
    case time_tag: {
      std::optional<LocalTime> t = LocalTime::from_nanos(static_cast<std::int64_t>(u64()));
      const auto offset = static_cast<std::int32_t>(u32());
      if (!t) throw Malformed{"a time out of range"};
      return Value(Time(*t, offset));
    }
    case local_datetime_tag: {
      const auto seconds = static_cast<std::int64_t>(u64());
      const auto nanos = static_cast<std::int32_t>(u32());
      if (nanos < 0 || nanos >= nanos_per_second) throw Malformed{"a local date-time out of range"};
      return Value(LocalDateTime::from_epoch(seconds, nanos));
    }
    case datetime_tag: {
      const auto seconds = static_cast<std::int64_t>(u64());
      const auto nanos = static_cast<std::int32_t>(u32());
      const auto offset = static_cast<std::int32_t>(u32());
      const std::string zone = string();
      if (nanos < 0 || nanos >= nanos_per_second) throw Malformed{"a date-time out of range"};
      if (zone.empty()) return Value(DateTime::at_offset(seconds, nanos, offset));
      std::optional<DateTime> d = DateTime::in_zone(seconds, nanos, zone);
      if (!d) throw Malformed{"a date-time in the time zone '" + zone + "', which this machine's tz database lacks"};
      return Value(*d);
    }
    case duration_tag: {
      const auto months = static_cast<std::int64_t>(u64());
      const auto days = static_cast<std::int64_t>(u64());
      const auto seconds = static_cast<std::int64_t>(u64());
      const auto nanos = static_cast<std::int32_t>(u32());
      std::optional<Duration> d = Duration::from_parts(months, days, seconds, nanos);
      if (!d || nanos <= -nanos_per_second || nanos >= nanos_per_second) throw Malformed{"a duration out of range"};
      return Value(*d);
    }
    case list_tag: {
      const std::uint32_t n = u32();
      if (n > bytes_.size() - at_) throw Malformed{"list longer than its record"};
      List items;
      items.reserve(n);
      for (std::uint32_t i = 0; i < n; ++i) items.push_back(value(depth + 1));
      return Value(std::move(items));
    }
    case map_tag: {
      const std::uint32_t n = u32();
      if (n > bytes_.size() - at_) throw Malformed{"map longer than its record"};
      Map entries;
      for (std::uint32_t i = 0; i < n; ++i) {
        std::string key = string();
        entries.emplace_back(std::move(key), value(depth + 1));
      }
      return Value(std::move(entries));
    }
    default: throw Malformed{"unknown value tag " + std::to_string(tag)};
  }
}

}  // namespace ergo::storage
