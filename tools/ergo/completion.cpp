// Tab completion (see completion.hpp). The context comes from a light scan
// of the text before the cursor — open quotes and brackets — not from the
// parser, because the statement being typed is unfinished by nature.
#include "tools/ergo/completion.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "ergo/format.hpp"
#include "ergo/language.hpp"
#include "ergo/render.hpp"
#include "grammar/text/unicode.hpp"
#include "tools/ergo/help.hpp"
#include "tools/ergo/meta_commands.hpp"

namespace ergo::cli {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// Case- and normalization-blind comparison key (names are typed in any case).
std::string key_of(std::string_view s) {
  if (text::find_invalid_utf8(s)) return std::string(s);
  return text::fold(s);
}

bool all_lower(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The words of `pool` that start with `prefix`, ignoring case; sorted, and
// each spelled once (the first spelling met wins).
std::vector<std::string> matching(const std::vector<std::string>& pool, std::string_view prefix) {
  std::string want = key_of(prefix);
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& word : pool) {
    std::string key = key_of(word);
    if (key.starts_with(want) && seen.insert(key).second) out.push_back(word);
  }
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return std::pair(key_of(a), a) < std::pair(key_of(b), b);
  });
  return out;
}

struct Scan {
  char quote = 0;             // the open quote at the end, if any
  std::size_t quote_at = 0;   // where its text starts
  char bracket = 0;           // innermost open '(' or '[' at the end, if any
};

// Quote and bracket state at the end of `s`, skipping // comments.
Scan scan(std::string_view s) {
  Scan state;
  std::vector<char> brackets;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (state.quote) {
      if (c == '\\' && state.quote != '`') {
        ++i;
      } else if (c == state.quote) {
        state.quote = 0;
      }
    } else if (c == '\'' || c == '"' || c == '`') {
      state.quote = c;
      state.quote_at = i + 1;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      break;
    } else if (c == '(' || c == '[') {
      brackets.push_back(c);
    } else if ((c == ')' || c == ']') && !brackets.empty()) {
      brackets.pop_back();
    }
  }
  if (!brackets.empty()) state.bracket = brackets.back();
  return state;
}

std::vector<std::string> file_candidates(const std::string& typed) {
  namespace fs = std::filesystem;
  std::size_t slash = typed.rfind('/');
  std::string dir = slash == std::string::npos ? "" : typed.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? typed : typed.substr(slash + 1);
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with(base) || (name[0] == '.' && !base.starts_with('.'))) continue;
    out.push_back(dir + name + (entry.is_directory(ec) ? "/" : ""));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void Completer::refresh(Database& db) {
  Schema s = db.schema();
  labels_.clear();
  types_.clear();
  keys_.clear();
  names_.clear();
  for (const auto& l : s.labels) labels_.push_back(l.name);
  for (const auto& t : s.relationship_types) types_.push_back(t.name);
  for (const auto& k : s.property_keys) keys_.push_back(k.name);
  Result r = db.execute("MATCH (n) WHERE n.name IS NOT NULL RETURN n.name, n.aliases", {}, "<completion>");
  for (const auto& row : r.rows()) {
    for (const Value& v : row) {
      if (auto* s = v.get_if<std::string>()) names_.push_back(*s);
      if (auto* list = v.get_if<List>()) {
        for (const Value& item : *list) {
          if (auto* alias = item.get_if<std::string>()) names_.push_back(*alias);
        }
      }
    }
  }
}

Completion Completer::complete_command(std::string_view line) const {
  Completion c;
  std::size_t lead = line.find(':');
  std::size_t space = line.find_first_of(" \t", lead);
  if (space == std::string_view::npos) {  // the command name itself
    c.start = lead;
    std::vector<std::string> names;
    for (const MetaCommand& m : meta_commands()) names.emplace_back(m.name);
    c.candidates = matching(names, line.substr(lead));
    c.closer = " ";
    return c;
  }
  std::string_view command = line.substr(lead, space - lead);
  std::size_t arg = line.find_first_not_of(" \t", space);
  c.start = arg == std::string_view::npos ? line.size() : arg;
  std::string_view typed = line.substr(c.start);
  if (command == ":find") {
    c.candidates = matching(names_, typed);
  } else if (command == ":help") {
    std::vector<std::string> topics = help_topics();
    for (const MetaCommand& m : meta_commands()) topics.emplace_back(m.name);
    c.candidates = matching(topics, typed);
  } else if (command == ":format") {
    c.candidates = matching({"table", "csv", "tsv", "json", "jsonl", "markdown"}, typed);
  } else if (command == ":timing") {
    c.candidates = matching({"on", "off"}, typed);
  } else if (command == ":params") {
    c.candidates = matching({"clear"}, typed);
  } else if (command == ":load" || command == ":read" || command == ":output") {
    c.candidates = file_candidates(std::string(typed));
  } else if (command == ":render") {
    // :render FILE LAYOUT: a file name first, then a layout.
    std::size_t blank = typed.find_first_of(" \t");
    if (blank == std::string_view::npos) {
      c.candidates = file_candidates(std::string(typed));
    } else {
      std::size_t layout = typed.find_first_not_of(" \t", blank);
      c.start += layout == std::string_view::npos ? typed.size() : layout;
      c.candidates = matching(render_layouts(), line.substr(c.start));
    }
  }
  return c;
}

Completion Completer::complete(std::string_view before, bool continuing, const Params& params) const {
  std::size_t first = before.find_first_not_of(" \t");
  if (!continuing && first != std::string_view::npos && before[first] == ':') return complete_command(before);

  Scan state = scan(before);
  Completion c;
  if (state.quote == '\'' || state.quote == '"') {
    c.start = state.quote_at;
    c.candidates = matching(names_, before.substr(c.start));
    c.closer = std::string(1, state.quote);
    return c;
  }
  std::size_t start = before.size();
  while (start > 0 && is_word_byte(static_cast<unsigned char>(before[start - 1]))) --start;
  c.start = start;
  std::string_view word = before.substr(start);
  char sign = start > 0 ? before[start - 1] : ' ';
  if (state.quote == '`') {
    return c;  // a quoted name: nothing sensible to offer
  }
  if (sign == '$') {
    std::vector<std::string> names;
    for (const auto& [name, value] : params) names.push_back(name);
    c.candidates = matching(names, word);
  } else if (sign == '.' && !(start >= 2 && before[start - 2] >= '0' && before[start - 2] <= '9')) {
    c.candidates = matching(keys_, word);
  } else if (sign == ':' || sign == '|') {
    c.candidates = matching(state.bracket == '[' ? types_ : labels_, word);
  } else if (!word.empty() && !(word[0] >= '0' && word[0] <= '9')) {
    bool lower = all_lower(word);
    std::vector<std::string> pool;
    for (const std::string& k : cypher_keywords()) pool.push_back(lower ? lower_ascii(k) : k);
    for (const std::string& f : cypher_functions()) pool.push_back(f);
    c.candidates = matching(pool, word);
  }
  return c;
}

std::string Completer::insertion(const Completion& c, std::string_view word) {
  if (c.candidates.empty()) return std::string(word);
  if (c.candidates.size() == 1) return c.candidates[0] + (c.candidates[0].ends_with('/') ? "" : c.closer);
  std::string prefix = c.candidates[0];
  for (const std::string& s : c.candidates) {
    std::size_t n = 0;
    while (n < prefix.size() && n < s.size() && prefix[n] == s[n]) ++n;
    prefix.resize(n);
  }
  // Never stop inside a UTF-8 sequence: drop a last character cut short.
  std::size_t lead = prefix.size();
  while (lead > 0 && (static_cast<unsigned char>(prefix[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead > 0) {
    auto b = static_cast<unsigned char>(prefix[lead - 1]);
    std::size_t length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (prefix.size() - (lead - 1) < length) prefix.resize(lead - 1);
  }
  // The candidates may spell the word in another case; keep what was typed
  // unless they agree on something longer.
  if (key_of(prefix).size() <= key_of(word).size()) return std::string(word);
  return prefix;
}

}  // namespace ergo::cli
