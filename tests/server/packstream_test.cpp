// PackStream against the byte sequences of the spec
// (neo4j.com/docs/bolt/current/packstream/), both ways, and malformed input.
#include "tools/server/packstream.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace ergo::server::packstream;

namespace {

std::string hex(const std::string& bytes) {
  static const char* d = "0123456789ABCDEF";
  std::string s;
  for (unsigned char c : bytes) {
    if (!s.empty()) s += ' ';
    s += d[c >> 4];
    s += d[c & 15];
  }
  return s;
}

std::string bytes_of(const std::string& hex_text) {
  std::string out;
  for (std::size_t i = 0; i < hex_text.size();) {
    if (hex_text[i] == ' ') {
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(std::stoi(hex_text.substr(i, 2), nullptr, 16)));
    i += 2;
  }
  return out;
}

std::string packed_int(std::int64_t i) {
  Packer p;
  p.pack_int(i);
  return hex(p.out());
}

// Encodes `v`, checks the bytes, decodes them and checks the value comes back.
void round_trip(const PackValue& v, const std::string& expected_hex) {
  Packer p;
  p.pack(v);
  EXPECT_EQ(hex(p.out()), expected_hex);
  EXPECT_EQ(unpack_one(p.out()), v);
}

std::string error_of(const std::string& hex_text) {
  try {
    unpack_one(bytes_of(hex_text));
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(PackStream, NullAndBooleans) {
  round_trip(PackValue{}, "C0");
  round_trip(PackValue{true}, "C3");
  round_trip(PackValue{false}, "C2");
}

TEST(PackStream, IntegersTakeTheSmallestForm) {
  EXPECT_EQ(packed_int(1), "01");
  EXPECT_EQ(packed_int(42), "2A");
  EXPECT_EQ(packed_int(127), "7F");
  EXPECT_EQ(packed_int(-1), "FF");
  EXPECT_EQ(packed_int(-16), "F0");
  EXPECT_EQ(packed_int(-17), "C8 EF");
  EXPECT_EQ(packed_int(-128), "C8 80");
  EXPECT_EQ(packed_int(128), "C9 00 80");
  EXPECT_EQ(packed_int(-129), "C9 FF 7F");
  EXPECT_EQ(packed_int(1234), "C9 04 D2");
  EXPECT_EQ(packed_int(32767), "C9 7F FF");
  EXPECT_EQ(packed_int(32768), "CA 00 00 80 00");
  EXPECT_EQ(packed_int(-32769), "CA FF FF 7F FF");
  EXPECT_EQ(packed_int(2147483647), "CA 7F FF FF FF");
  EXPECT_EQ(packed_int(2147483648), "CB 00 00 00 00 80 00 00 00");
  EXPECT_EQ(packed_int(-2147483649LL), "CB FF FF FF FF 7F FF FF FF");
  EXPECT_EQ(packed_int(std::numeric_limits<std::int64_t>::max()), "CB 7F FF FF FF FF FF FF FF");
  EXPECT_EQ(packed_int(std::numeric_limits<std::int64_t>::min()), "CB 80 00 00 00 00 00 00 00");
}

TEST(PackStream, IntegersDecodeFromEveryForm) {
  // A value may arrive in a wider form than needed; it means the same.
  EXPECT_EQ(unpack_one(bytes_of("C8 01")), PackValue{std::int64_t{1}});
  EXPECT_EQ(unpack_one(bytes_of("C9 00 01")), PackValue{std::int64_t{1}});
  EXPECT_EQ(unpack_one(bytes_of("CA FF FF FF FF")), PackValue{std::int64_t{-1}});
  EXPECT_EQ(unpack_one(bytes_of("CB FF FF FF FF FF FF FF FE")), PackValue{std::int64_t{-2}});
  EXPECT_EQ(unpack_one(bytes_of("F5")), PackValue{std::int64_t{-11}});
  for (std::int64_t i : {std::int64_t{0}, std::int64_t{-16}, std::int64_t{-17}, std::int64_t{300},
                         std::int64_t{-70000}, std::int64_t{1} << 40, std::numeric_limits<std::int64_t>::min()}) {
    Packer p;
    p.pack_int(i);
    EXPECT_EQ(unpack_one(p.out()), PackValue{i}) << i;
  }
}

TEST(PackStream, Floats) {
  round_trip(PackValue{1.1}, "C1 3F F1 99 99 99 99 99 9A");
  round_trip(PackValue{-1.1}, "C1 BF F1 99 99 99 99 99 9A");
  round_trip(PackValue{0.0}, "C1 00 00 00 00 00 00 00 00");
  round_trip(PackValue{1.0}, "C1 3F F0 00 00 00 00 00 00");
}

TEST(PackStream, Strings) {
  round_trip(PackValue{std::string()}, "80");
  round_trip(PackValue{std::string("A")}, "81 41");
  round_trip(PackValue{std::string("Größenmaßstäbe")},
             "D0 12 47 72 C3 B6 C3 9F 65 6E 6D 61 C3 9F 73 74 C3 A4 62 65");
  round_trip(PackValue{std::string("한국어")}, "89 ED 95 9C EA B5 AD EC 96 B4");
  Packer p;
  p.pack_string(std::string(15, 'x'));
  EXPECT_EQ(hex(p.out().substr(0, 1)), "8F");
  p.clear();
  p.pack_string(std::string(16, 'x'));
  EXPECT_EQ(hex(p.out().substr(0, 2)), "D0 10");
  p.clear();
  p.pack_string(std::string(256, 'x'));
  EXPECT_EQ(hex(p.out().substr(0, 3)), "D1 01 00");
  p.clear();
  p.pack_string(std::string(65536, 'x'));
  EXPECT_EQ(hex(p.out().substr(0, 5)), "D2 00 01 00 00");
  EXPECT_EQ(unpack_one(p.out()), PackValue{std::string(65536, 'x')});
}

TEST(PackStream, Bytes) {
  round_trip(PackValue{Bytes{}}, "CC 00");
  round_trip(PackValue{Bytes{std::string("\x01\x02\x03", 3)}}, "CC 03 01 02 03");
  Packer p;
  p.pack_bytes(std::string(256, '\0'));
  EXPECT_EQ(hex(p.out().substr(0, 3)), "CD 01 00");
  p.clear();
  p.pack_bytes(std::string(65536, '\0'));
  EXPECT_EQ(hex(p.out().substr(0, 5)), "CE 00 01 00 00");
}

TEST(PackStream, Lists) {
  round_trip(PackValue{PackList{}}, "90");
  round_trip(PackValue{PackList{PackValue{std::int64_t{1}}, PackValue{std::int64_t{2}}, PackValue{std::int64_t{3}}}},
             "93 01 02 03");
  round_trip(PackValue{PackList{PackValue{std::int64_t{1}}, PackValue{1.5}, PackValue{std::string("x")},
                                PackValue{}, PackValue{PackList{}}}},
             "95 01 C1 3F F8 00 00 00 00 00 00 81 78 C0 90");
  PackList sixteen(16, PackValue{std::int64_t{1}});
  round_trip(PackValue{sixteen}, "D4 10 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01");
  Packer p;
  p.pack_list_header(256);
  EXPECT_EQ(hex(p.out()), "D5 01 00");
  p.clear();
  p.pack_list_header(65536);
  EXPECT_EQ(hex(p.out()), "D6 00 01 00 00");
}

TEST(PackStream, Maps) {
  round_trip(PackValue{PackMap{}}, "A0");
  round_trip(PackValue{PackMap{{"one", PackValue{std::string("eins")}}}}, "A1 83 6F 6E 65 84 65 69 6E 73");
  Packer p;
  p.pack_map_header(16);
  EXPECT_EQ(hex(p.out()), "D8 10");
  p.clear();
  p.pack_map_header(256);
  EXPECT_EQ(hex(p.out()), "D9 01 00");
  p.clear();
  p.pack_map_header(65536);
  EXPECT_EQ(hex(p.out()), "DA 00 01 00 00");
  PackValue m = unpack_one(bytes_of("A2 81 61 01 81 62 C3"));
  ASSERT_NE(m.find("b"), nullptr);
  EXPECT_EQ(*m.find("b"), PackValue{true});
  EXPECT_EQ(m.find("c"), nullptr);
}

TEST(PackStream, Structures) {
  // A Bolt HELLO with an empty map, and a Date (days since the epoch).
  round_trip(PackValue{PackStruct{0x01, {PackValue{PackMap{}}}}}, "B1 01 A0");
  round_trip(PackValue{PackStruct{0x44, {PackValue{std::int64_t{19000}}}}}, "B1 44 C9 4A 38");
  round_trip(PackValue{PackStruct{0x0F, {}}}, "B0 0F");
  Packer p;
  EXPECT_THROW(p.pack_struct_header(0x01, 16), Error);
}

TEST(PackStream, MalformedInputIsAnErrorNotACrash) {
  EXPECT_EQ(error_of(""), "malformed PackStream at byte 0: expected a value, found the end of the input");
  EXPECT_EQ(error_of("C9 00"), "malformed PackStream at byte 1: the value is cut off");
  EXPECT_EQ(error_of("C1 3F F1"), "malformed PackStream at byte 1: the value is cut off");
  EXPECT_EQ(error_of("C4"), "malformed PackStream at byte 0: unknown marker 0xC4");
  EXPECT_EQ(error_of("E7"), "malformed PackStream at byte 0: unknown marker 0xE7");
  EXPECT_EQ(error_of("D2 FF FF FF FF 41"),
            "malformed PackStream at byte 5: marker 0xD2 announces 4294967295 items, more than the 1 bytes left");
  EXPECT_EQ(error_of("D6 7F FF FF FF"),
            "malformed PackStream at byte 5: marker 0xD6 announces 2147483647 items, more than the 0 bytes left");
  EXPECT_EQ(error_of("85 41"), "malformed PackStream at byte 1: marker 0x85 announces 5 items, more than the 1 bytes left");
  EXPECT_EQ(error_of("93 01 02"), "malformed PackStream at byte 1: marker 0x93 announces 3 items, more than the 2 bytes left");
  EXPECT_EQ(error_of("92 01"), "malformed PackStream at byte 1: marker 0x92 announces 2 items, more than the 1 bytes left");
  EXPECT_EQ(error_of("A1 81 61"), "malformed PackStream at byte 3: expected a value, found the end of the input");
  EXPECT_EQ(error_of("A1 01 01"), "malformed PackStream at byte 2: a map key is not a string");
  EXPECT_EQ(error_of("B1"), "malformed PackStream at byte 1: a structure without its tag byte");
  EXPECT_EQ(error_of("01 02"), "malformed PackStream: 1 bytes after the value");
  std::string deep(100, '\x91');
  deep.push_back('\xC0');
  try {
    unpack_one(deep);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "malformed PackStream at byte 65: nested deeper than 64 levels");
  }
}

TEST(PackStream, EveryPrefixOfAValidMessageFailsCleanly) {
  Packer p;
  p.pack_struct_header(0x10, 3);
  p.pack_string("RETURN $x");
  p.pack_map_header(1);
  p.pack_string("x");
  p.pack_list_header(3);
  p.pack_float(2.5);
  p.pack_string("한국어");
  p.pack_bytes("ab");
  p.pack_map_header(0);
  const std::string whole = p.out();
  EXPECT_NO_THROW(unpack_one(whole));
  for (std::size_t n = 0; n < whole.size(); ++n) EXPECT_THROW(unpack_one(whole.substr(0, n)), Error) << n;
}

TEST(PackStream, ReservedMarkersAreUnknown) {
  // The spec leaves these unassigned; every other byte is a marker.
  static const char* d = "0123456789ABCDEF";
  for (int b = 0; b < 256; ++b) {
    const bool reserved = (b >= 0xC4 && b <= 0xC7) || b == 0xCF || b == 0xD3 || b == 0xD7 || (b >= 0xDB && b <= 0xEF);
    std::string input(1, static_cast<char>(b));
    input += std::string(4, '\0');  // a size of 0, or zeros for a number
    Unpacker u(input);
    if (reserved) {
      try {
        u.unpack();
        ADD_FAILURE() << b << " decoded";
      } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), std::string("malformed PackStream at byte 0: unknown marker 0x") + d[b >> 4] + d[b & 15]);
      }
    } else {
      // Decodes, or fails for what follows the marker (too few bytes, a
      // non-string map key), never for the marker itself.
      try {
        u.unpack();
      } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()).find("unknown marker"), std::string::npos) << b << ": " << e.what();
      }
    }
  }
}
