// Little-endian encoding of the integers, strings and property values that
// the log and the snapshot hold. One encoding for both files, so a value
// reads back the same whichever way it reached the disk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/value.hpp"

namespace ergo::storage {

class ByteWriter {
 public:
  void u8(std::uint8_t v) { bytes_.push_back(static_cast<std::byte>(v)); }
  void u16(std::uint16_t v) { put(v, 2); }
  void u32(std::uint32_t v) { put(v, 4); }
  void u64(std::uint64_t v) { put(v, 8); }
  void string(std::string_view s);
  void raw(std::span<const std::byte> b) { bytes_.insert(bytes_.end(), b.begin(), b.end()); }
  // Throws ergo::Error (data_error) for a value a property cannot hold (a
  // node, relationship or path).
  void value(const Value& v);

  std::vector<std::byte>& bytes() { return bytes_; }
  std::size_t size() const { return bytes_.size(); }
  void clear() { bytes_.clear(); }

 private:
  void put(std::uint64_t v, int width) {
    for (int i = 0; i < width; ++i) bytes_.push_back(static_cast<std::byte>(v >> (8 * i)));
  }
  std::vector<std::byte> bytes_;
};

// Reads what ByteWriter wrote. Reading past the end, or a value tag it does
// not know, throws Malformed: the caller names the file and offset.
class ByteReader {
 public:
  struct Malformed {
    std::string what;
  };
  explicit ByteReader(std::span<const std::byte> bytes) : bytes_(bytes) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(get(1)); }
  std::uint16_t u16() { return static_cast<std::uint16_t>(get(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(get(4)); }
  std::uint64_t u64() { return get(8); }
  std::string string();
  Value value(int depth = 0);
  // The next n bytes as they are.
  std::span<const std::byte> raw(std::size_t n) {
    if (bytes_.size() - at_ < n) throw Malformed{"record ends in the middle of an array"};
    const auto out = bytes_.subspan(at_, n);
    at_ += n;
    return out;
  }
  bool done() const { return at_ == bytes_.size(); }
  std::size_t remaining() const { return bytes_.size() - at_; }

 private:
  std::uint64_t get(int width);
  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

}  // namespace ergo::storage
