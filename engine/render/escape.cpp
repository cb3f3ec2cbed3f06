// Escaping of data text for Graphviz attribute values (see escape.hpp). The
// DOT quoting itself (the '"' inside a value) is left to agwrite, which
// writes every value as a quoted string with '"' escaped.
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

}  // namespace

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    std::size_t bad = text::find_invalid_utf8(s).value_or(s.size());
    for (std::size_t i = 0; i < bad; ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
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
