// PackStream, the binary value encoding Bolt messages are made of
// (neo4j.com/docs/bolt/current/packstream/): a Packer that appends values to
// a byte string, and an Unpacker that reads one value back into a PackValue
// tree. Decoding never trusts a size on the wire: every size is checked
// against the bytes that remain and the nesting depth is bounded, so
// malformed input ends in packstream::Error, never a crash or a huge
// allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ergo::server::packstream {

// Malformed or unsupported input; what() says what and at which byte.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PackValue;
struct PackEntry;
using PackList = std::vector<PackValue>;
// Entries in wire order; keys are strings (PackStream allows nothing else).
using PackMap = std::vector<PackEntry>;
struct Bytes {
  std::string data;
  friend bool operator==(const Bytes&, const Bytes&) = default;
};
// A structure: a tag byte and up to 15 fields (Bolt messages, nodes, dates).
struct PackStruct {
  std::uint8_t tag = 0;
  std::vector<PackValue> fields;
  friend bool operator==(const PackStruct&, const PackStruct&) = default;
};

struct PackValue {
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Bytes, PackList, PackMap, PackStruct> v;

  bool is_null() const { return std::holds_alternative<std::monostate>(v); }
  template <class T>
  const T* get_if() const { return std::get_if<T>(&v); }
  // The entry `key` of a map value, or nullptr (not a map, or no such key).
  const PackValue* find(std::string_view key) const;
  friend bool operator==(const PackValue&, const PackValue&) = default;
};

// One map entry. Not std::pair<std::string, PackValue>: that pair would have
// to be complete where PackMap is declared, before PackValue is, which
// clang refuses.
struct PackEntry {
  PackEntry(std::string key, PackValue value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  PackValue second;
  friend bool operator==(const PackEntry&, const PackEntry&) = default;
};

// Appends values to out(). Lists, maps and structures are written as a
// header (pack_list_header(n), ...) followed by their n items.
class Packer {
 public:
  void pack_null();
  void pack_bool(bool b);
  void pack_int(std::int64_t i);      // the smallest of the five integer forms
  void pack_float(double d);
  void pack_string(std::string_view s);  // UTF-8, as given
  void pack_bytes(std::string_view b);
  void pack_list_header(std::size_t size);
  void pack_map_header(std::size_t size);
  void pack_struct_header(std::uint8_t tag, std::size_t fields);  // fields <= 15
  // A decoded value, written back as it was read (round trips).
  void pack(const PackValue& value);

  const std::string& out() const { return out_; }
  std::string take() { return std::move(out_); }
  void clear() { out_.clear(); }

 private:
  void sized_header(std::size_t size, std::uint8_t tiny, std::uint8_t m8, std::uint8_t m16, std::uint8_t m32,
                    const char* what);
  void be(std::uint64_t value, int bytes);
  std::string out_;
};

// Reads values from a byte string it does not own.
class Unpacker {
 public:
  static constexpr int kMaxDepth = 64;  // nesting of lists, maps and structures
  explicit Unpacker(std::string_view data) : data_(data) {}

  // The next value. Throws Error on a bad marker, a size beyond the end of
  // the input, a non-string map key, or nesting deeper than kMaxDepth.
  PackValue unpack();
  bool at_end() const { return pos_ == data_.size(); }
  std::size_t position() const { return pos_; }

 private:
  PackValue value(int depth);
  std::uint64_t be(int bytes);
  std::size_t size_of(std::uint8_t marker, int bytes);
  std::string raw(std::size_t n);
  [[noreturn]] void fail(const std::string& what) const;
  std::string_view data_;
  std::size_t pos_ = 0;
};

// Decodes `data` as exactly one value (trailing bytes are an error).
PackValue unpack_one(std::string_view data);

}  // namespace ergo::server::packstream
