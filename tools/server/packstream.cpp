// PackStream encoding and decoding; the markers are the spec's
// (neo4j.com/docs/bolt/current/packstream/), big-endian throughout.
#include "tools/server/packstream.hpp"

#include <bit>
#include <cstring>
#include <limits>

namespace ergo::server::packstream {
namespace {
std::string hex(std::uint8_t byte) {
  static const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[byte >> 4] + digits[byte & 15];
}
}  // namespace

const PackValue* PackValue::find(std::string_view key) const {
  const PackMap* map = get_if<PackMap>();
  if (!map) return nullptr;
  for (const auto& [k, value] : *map) {
    if (k == key) return &value;
  }
  return nullptr;
}

void Packer::be(std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void Packer::pack_null() { out_.push_back(static_cast<char>(0xC0)); }
void Packer::pack_bool(bool b) { out_.push_back(static_cast<char>(b ? 0xC3 : 0xC2)); }

void Packer::pack_int(std::int64_t i) {
  const auto u = static_cast<std::uint64_t>(i);
  if (i >= -16 && i <= 127) {
    out_.push_back(static_cast<char>(static_cast<std::uint8_t>(i)));  // tiny: the byte is the value
  } else if (i >= std::numeric_limits<std::int8_t>::min() && i <= std::numeric_limits<std::int8_t>::max()) {
    out_.push_back(static_cast<char>(0xC8));
    be(u, 1);
  } else if (i >= std::numeric_limits<std::int16_t>::min() && i <= std::numeric_limits<std::int16_t>::max()) {
    out_.push_back(static_cast<char>(0xC9));
    be(u, 2);
  } else if (i >= std::numeric_limits<std::int32_t>::min() && i <= std::numeric_limits<std::int32_t>::max()) {
    out_.push_back(static_cast<char>(0xCA));
    be(u, 4);
  } else {
    out_.push_back(static_cast<char>(0xCB));
    be(u, 8);
  }
}

void Packer::pack_float(double d) {
  out_.push_back(static_cast<char>(0xC1));
  be(std::bit_cast<std::uint64_t>(d), 8);
}

void Packer::sized_header(std::size_t size, std::uint8_t tiny, std::uint8_t m8, std::uint8_t m16,
                          std::uint8_t m32, const char* what) {
  if (tiny && size < 16) {
    out_.push_back(static_cast<char>(tiny | size));
  } else if (size <= 0xFF) {
    out_.push_back(static_cast<char>(m8));
    be(size, 1);
  } else if (size <= 0xFFFF) {
    out_.push_back(static_cast<char>(m16));
    be(size, 2);
  } else if (size <= 0xFFFFFFFFu) {
    out_.push_back(static_cast<char>(m32));
    be(size, 4);
  } else {
    throw Error(std::string("a ") + what + " of " + std::to_string(size) + " items is too large for PackStream");
  }
}

void Packer::pack_string(std::string_view s) {
  sized_header(s.size(), 0x80, 0xD0, 0xD1, 0xD2, "string");
  out_.append(s);
}
void Packer::pack_bytes(std::string_view b) {
  sized_header(b.size(), 0, 0xCC, 0xCD, 0xCE, "byte array");  // bytes have no tiny form
  out_.append(b);
}
void Packer::pack_list_header(std::size_t size) { sized_header(size, 0x90, 0xD4, 0xD5, 0xD6, "list"); }
void Packer::pack_map_header(std::size_t size) { sized_header(size, 0xA0, 0xD8, 0xD9, 0xDA, "map"); }

void Packer::pack_struct_header(std::uint8_t tag, std::size_t fields) {
  if (fields > 15) throw Error("a structure has at most 15 fields");
  out_.push_back(static_cast<char>(0xB0 | fields));
  out_.push_back(static_cast<char>(tag));
}

void Packer::pack(const PackValue& value) {
  struct Visit {
    Packer& p;
    void operator()(std::monostate) const { p.pack_null(); }
    void operator()(bool b) const { p.pack_bool(b); }
    void operator()(std::int64_t i) const { p.pack_int(i); }
    void operator()(double d) const { p.pack_float(d); }
    void operator()(const std::string& s) const { p.pack_string(s); }
    void operator()(const Bytes& b) const { p.pack_bytes(b.data); }
    void operator()(const PackList& l) const {
      p.pack_list_header(l.size());
      for (const PackValue& item : l) p.pack(item);
    }
    void operator()(const PackMap& m) const {
      p.pack_map_header(m.size());
      for (const auto& [key, item] : m) {
        p.pack_string(key);
        p.pack(item);
      }
    }
    void operator()(const PackStruct& s) const {
      p.pack_struct_header(s.tag, s.fields.size());
      for (const PackValue& item : s.fields) p.pack(item);
    }
  };
  std::visit(Visit{*this}, value.v);
}

void Unpacker::fail(const std::string& what) const {
  throw Error("malformed PackStream at byte " + std::to_string(pos_) + ": " + what);
}

std::uint64_t Unpacker::be(int bytes) {
  if (data_.size() - pos_ < static_cast<std::size_t>(bytes)) fail("the value is cut off");
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<std::uint8_t>(data_[pos_++]);
  return v;
}

// A size read after `marker`; no container or string can hold more items
// than bytes remain (each item takes at least one), so a lying size fails
// here instead of reserving gigabytes.
// (bytes == 0: a tiny form, the size is the marker's low nibble.)
std::size_t Unpacker::size_of(std::uint8_t marker, int bytes) {
  const std::uint64_t n = bytes == 0 ? marker & 0x0F : be(bytes);
  if (n > data_.size() - pos_) {
    fail("marker " + hex(marker) + " announces " + std::to_string(n) + " items, more than the " +
         std::to_string(data_.size() - pos_) + " bytes left");
  }
  return static_cast<std::size_t>(n);
}

std::string Unpacker::raw(std::size_t n) {
  std::string s(data_.substr(pos_, n));
  pos_ += n;
  return s;
}

PackValue Unpacker::unpack() { return value(0); }

PackValue Unpacker::value(int depth) {
  if (depth > kMaxDepth) fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
  if (pos_ >= data_.size()) fail("expected a value, found the end of the input");
  const auto marker = static_cast<std::uint8_t>(data_[pos_++]);
  const std::uint8_t high = marker & 0xF0;
  auto list = [&](std::size_t n) {
    PackList l;
    l.reserve(n);
    for (std::size_t i = 0; i < n; ++i) l.push_back(value(depth + 1));
    return PackValue{std::move(l)};
  };
  auto map = [&](std::size_t n) {
    PackMap m;
    m.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      PackValue key = value(depth + 1);
      std::string* k = std::get_if<std::string>(&key.v);
      if (!k) fail("a map key is not a string");
      m.emplace_back(std::move(*k), value(depth + 1));
    }
    return PackValue{std::move(m)};
  };
  if (marker <= 0x7F) return PackValue{std::int64_t{marker}};
  if (marker >= 0xF0) return PackValue{std::int64_t{static_cast<std::int8_t>(marker)}};
  if (high == 0x80) return PackValue{raw(size_of(marker, 0))};
  if (high == 0x90) return list(size_of(marker, 0));
  if (high == 0xA0) return map(size_of(marker, 0));
  if (high == 0xB0) {
    if (pos_ >= data_.size()) fail("a structure without its tag byte");
    PackStruct s;
    s.tag = static_cast<std::uint8_t>(data_[pos_++]);
    const std::size_t n = size_of(marker, 0);
    for (std::size_t i = 0; i < n; ++i) s.fields.push_back(value(depth + 1));
    return PackValue{std::move(s)};
  }
  switch (marker) {
    case 0xC0: return PackValue{};
    case 0xC1: return PackValue{std::bit_cast<double>(be(8))};
    case 0xC2: return PackValue{false};
    case 0xC3: return PackValue{true};
    case 0xC8: return PackValue{std::int64_t{static_cast<std::int8_t>(be(1))}};
    case 0xC9: return PackValue{std::int64_t{static_cast<std::int16_t>(be(2))}};
    case 0xCA: return PackValue{std::int64_t{static_cast<std::int32_t>(be(4))}};
    case 0xCB: return PackValue{static_cast<std::int64_t>(be(8))};
    case 0xCC: return PackValue{Bytes{raw(size_of(marker, 1))}};
    case 0xCD: return PackValue{Bytes{raw(size_of(marker, 2))}};
    case 0xCE: return PackValue{Bytes{raw(size_of(marker, 4))}};
    case 0xD0: return PackValue{raw(size_of(marker, 1))};
    case 0xD1: return PackValue{raw(size_of(marker, 2))};
    case 0xD2: return PackValue{raw(size_of(marker, 4))};
    case 0xD4: return list(size_of(marker, 1));
    case 0xD5: return list(size_of(marker, 2));
    case 0xD6: return list(size_of(marker, 4));
    case 0xD8: return map(size_of(marker, 1));
    case 0xD9: return map(size_of(marker, 2));
    case 0xDA: return map(size_of(marker, 4));
    default: break;
  }
  --pos_;
  fail("unknown marker " + hex(marker));
}

PackValue unpack_one(std::string_view data) {
  Unpacker u(data);
  PackValue v = u.unpack();
  if (!u.at_end()) throw Error("malformed PackStream: " + std::to_string(data.size() - u.position()) +
                               " bytes after the value");
  return v;
}

}  // namespace ergo::server::packstream
