// Value encoding (see bytes.hpp): a tag byte, then the payload.
#include "engine/storage/bytes.hpp"

#include <bit>
#include <cstring>

#include "ergo/error.hpp"

namespace ergo::storage {
namespace {

// Tags are part of the file format: never renumber them.
enum Tag : std::uint8_t { null_tag = 0, false_tag = 1, true_tag = 2, int_tag = 3, float_tag = 4, string_tag = 5,
                          date_tag = 6, list_tag = 7, map_tag = 8 };

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
    case Value::Type::date: u8(date_tag); u32(static_cast<std::uint32_t>(v.as_date().days_since_epoch())); return;
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
