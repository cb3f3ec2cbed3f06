// Escaping of data text for Graphviz attribute values (see escape.hpp). The
// DOT quoting itself (the '"' inside a value) is left to agwrite, which
// quotes every value that is not a plain identifier, with '"' escaped.
#include "engine/render/escape.hpp"

#include "grammar/text/unicode.hpp"

namespace ergo::diagram {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Replaces each per-character escape `table` returns (or copies the byte).
template <class Table>
std::string transform(std::string_view s, Table table) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    if (std::string_view r = table(c); !r.empty()) {
      out += r;
    } else {
      out += c;
    }
  }
  return out;
}

// A character nobody sees, or one that reorders the text around it (bidi
// overrides and isolates, the "Trojan Source" characters): written as its
// code point, so the diagram shows what the data holds. A lone U+FEFF also
// broke the DOT: agwrite left it unquoted and Graphviz's reader skips it as
// a byte-order mark ("label=;" is a syntax error).
bool invisible(char32_t c) {
  return c == 0x200B || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || c == 0x2060 ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// C1 controls and the noncharacters U+FFFE/U+FFFF: valid UTF-8, but not
// text (and U+FFFE/U+FFFF are not allowed in XML, so not in SVG).
bool not_text(char32_t c) { return (c >= 0x80 && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF; }

std::string code_point_name(char32_t c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = "<U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 0xF];
  return out + ">";
}

}  // namespace

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    std::size_t bad = text::find_invalid_utf8(s).value_or(s.size());
    for (std::size_t i = 0; i < bad;) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        // A whole valid sequence (find_invalid_utf8 checked it): decode it.
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        char32_t point = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        for (std::size_t k = 1; k < length; ++k) point = (point << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        if (invisible(point)) {
          out += code_point_name(point);
        } else if (not_text(point)) {
          out += kReplacement;
        } else {
          out.append(s.substr(i, length));
        }
        i += length;
        continue;
      }
      if (c == '\r') {
        out += '\n';
        if (i + 1 < bad && s[i + 1] == '\n') ++i;
      } else if (c == '\t') {
        out += ' ';
      } else if ((c < 0x20 && c != '\n') || c == 0x7F) {
        out += kReplacement;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
    }
    if (bad == s.size()) break;
    out += kReplacement;
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string escape_label(std::string_view s) {
  return transform(s, [](char c) -> std::string_view {
    switch (c) {
      case '\\': return "\\\\";
      case '&': return "&amp;";
      case '\n': return "\\n";
      default: return {};
    }
  });
}

std::string escape_tooltip(std::string_view s) {
  return transform(s, [](char c) -> std::string_view {
    switch (c) {
      case '\\': return "\\\\\\\\";
      case '&': return "&amp;";
      case '\n': return "\\n";
      default: return {};
    }
  });
}

std::string escape_html(std::string_view s) {
  return transform(s, [](char c) -> std::string_view {
    switch (c) {
      case '\\': return "\\\\";
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return "&gt;";
      case '"': return "&quot;";
      case '\'': return "&#39;";
      case '\n': return "<BR/>";
      default: return {};
    }
  });
}

}  // namespace ergo::diagram
