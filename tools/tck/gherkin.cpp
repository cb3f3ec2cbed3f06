// Gherkin reader for the TCK's feature files: a line-by-line state machine
// (feature description → background → scenarios → examples) plus outline
// expansion. Strict where leniency could hide a step: text it cannot place
// inside a scenario is an error, not a description.
#include "tools/tck/gherkin.hpp"

#include <algorithm>

namespace ergo::tck {
namespace {

std::string_view trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\f\v");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\f\v");
  return s.substr(b, e - b + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// Splits `| a | b\|c |` into cells, unescaping as Gherkin does.
std::vector<std::string> parse_row(std::string_view line, const std::string& where) {
  std::vector<std::string> cells;
  std::string cell;
  std::size_t i = line.find('|') + 1;
  bool closed = false;
  for (; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      char n = line[++i];
      if (n == 'n') cell += '\n';
      else if (n == '|' || n == '\\') cell += n;
      else {
        cell += '\\';
        cell += n;
      }
      continue;
    }
    if (c == '|') {
      cells.emplace_back(trim(cell));
      cell.clear();
      closed = true;
      continue;
    }
    cell += c;
    closed = false;
  }
  if (!closed && !trim(cell).empty()) throw GherkinError(where + ": table row does not end with '|'");
  return cells;
}

std::vector<std::string> parse_tags(std::string_view line) {
  std::vector<std::string> tags;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '#') break;
    if (line[i] == '@') {
      std::size_t end = line.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = line.size();
      tags.emplace_back(line.substr(i + 1, end - i - 1));
      i = end;
    } else {
      ++i;
    }
  }
  return tags;
}

// Keyword lines: returns the text after "Keyword:" when `line` starts so.
std::optional<std::string> after_keyword(std::string_view line, std::string_view keyword) {
  if (!starts_with(line, keyword) || line.size() <= keyword.size() || line[keyword.size()] != ':') return std::nullopt;
  return std::string(trim(line.substr(keyword.size() + 1)));
}

const char* const step_keywords[] = {"Given", "When", "Then", "And", "But", "*"};

class FeatureParser {
 public:
  FeatureParser(std::string_view text, std::string_view source) : lines_(split_lines(text)), source_(source) {}

  Feature parse() {
    for (index_ = 0; index_ < lines_.size(); ++index_) parse_line();
    finish_table();
    if (!seen_feature_) throw error("no 'Feature:' line");
    return std::move(feature_);
  }

 private:
  enum class Section { preamble, feature, background, scenario, examples };

  GherkinError error(const std::string& what) const {
    return GherkinError(std::string(source_) + ":" + std::to_string(index_ + 1) + ": " + what);
  }
  std::string where() const { return std::string(source_) + ":" + std::to_string(index_ + 1); }

  void parse_line() {
    std::string_view line = trim(lines_[index_]);
    if (line.empty() || line[0] == '#') return;  // blank, comment or "#encoding"
    if (line[0] == '|') return add_row(line);
    finish_table();
    if (line[0] == '@') {
      auto tags = parse_tags(line);
      pending_tags_.insert(pending_tags_.end(), tags.begin(), tags.end());
      return;
    }
    if (starts_with(line, "\"\"\"") || starts_with(line, "```")) return add_doc_string();
    if (auto name = after_keyword(line, "Feature")) {
      if (seen_feature_) throw error("a second 'Feature:'");
      seen_feature_ = true;
      feature_.name = *name;
      feature_.tags = take_tags();
      section_ = Section::feature;
      return;
    }
    if (!seen_feature_) throw error("text before 'Feature:'");
    if (after_keyword(line, "Background")) {
      if (!feature_.scenarios.empty() || !feature_.background.empty()) throw error("'Background:' after scenarios");
      section_ = Section::background;
      return;
    }
    for (const char* kw : {"Scenario Outline", "Scenario Template"}) {
      if (auto name = after_keyword(line, kw)) return start_scenario(*name, true);
    }
    for (const char* kw : {"Scenario", "Example"}) {
      if (auto name = after_keyword(line, kw)) return start_scenario(*name, false);
    }
    for (const char* kw : {"Examples", "Scenarios"}) {
      if (after_keyword(line, kw)) {
        if (section_ != Section::scenario && section_ != Section::examples) throw error("'Examples:' outside a scenario");
        ScenarioDefinition& sc = feature_.scenarios.back();
        if (!sc.outline) throw error("'Examples:' under a plain Scenario (use 'Scenario Outline:')");
        sc.examples.push_back(Examples{take_tags(), {}, index_ + 1});
        section_ = Section::examples;
        return;
      }
    }
    if (after_keyword(line, "Rule")) throw error("'Rule:' is not supported");
    if (auto step = parse_step(line)) return add_step(std::move(*step));
    if (section_ == Section::feature) return;  // feature description text
    throw error("cannot place this line (not a step, table, doc string or keyword): " + std::string(line));
  }

  std::optional<Step> parse_step(std::string_view line) const {
    for (const char* kw : step_keywords) {
      std::string_view k(kw);
      if (starts_with(line, k) && line.size() > k.size() && (line[k.size()] == ' ' || line[k.size()] == '\t')) {
        Step s;
        s.keyword = std::string(k);
        s.text = std::string(trim(line.substr(k.size())));
        s.line = index_ + 1;
        return s;
      }
    }
    return std::nullopt;
  }

  std::vector<std::string> take_tags() {
    std::vector<std::string> t;
    t.swap(pending_tags_);
    return t;
  }

  void start_scenario(const std::string& name, bool outline) {
    ScenarioDefinition sc;
    sc.name = name;
    sc.outline = outline;
    sc.tags = take_tags();
    sc.line = index_ + 1;
    feature_.scenarios.push_back(std::move(sc));
    section_ = Section::scenario;
  }

  std::vector<Step>* current_steps() {
    if (section_ == Section::background) return &feature_.background;
    if (section_ == Section::scenario) return &feature_.scenarios.back().steps;
    return nullptr;
  }

  void add_step(Step step) {
    std::vector<Step>* steps = current_steps();
    if (!steps) throw error("a step outside any Background or Scenario");
    steps->push_back(std::move(step));
  }

  Step& last_step_for_argument(const char* what) {
    std::vector<Step>* steps = current_steps();
    if (!steps || steps->empty()) throw error(std::string(what) + " without a step before it");
    Step& s = steps->back();
    if (s.doc_string || s.table) throw error(std::string("a second argument (") + what + ") for one step");
    return s;
  }

  void add_row(std::string_view line) {
    if (!table_) {
      if (section_ == Section::examples) {
        table_ = &feature_.scenarios.back().examples.back().table;
        if (!table_->empty()) throw error("a second table under one 'Examples:'");
      } else {
        Step& s = last_step_for_argument("a table");
        s.table.emplace();
        table_ = &*s.table;
      }
    }
    auto cells = parse_row(line, where());
    if (!table_->empty() && cells.size() != table_->front().size()) {
      throw error("table row has " + std::to_string(cells.size()) + " cells, the first row " +
                  std::to_string(table_->front().size()));
    }
    table_->push_back(std::move(cells));
  }

  void finish_table() { table_ = nullptr; }

  void add_doc_string() {
    std::string_view raw = lines_[index_];
    std::size_t indent = raw.find_first_not_of(" \t");
    std::string_view delimiter = trim(raw).substr(0, 3);
    Step& s = last_step_for_argument("a doc string");
    std::size_t open_line = index_;
    std::string content;
    bool first = true;
    for (++index_; index_ < lines_.size(); ++index_) {
      std::string_view l = lines_[index_];
      if (trim(l) == delimiter) {
        s.doc_string = std::move(content);
        return;
      }
      // Drop up to the opening delimiter's indentation, as Gherkin does.
      std::size_t drop = 0;
      while (drop < indent && drop < l.size() && (l[drop] == ' ' || l[drop] == '\t')) ++drop;
      std::string text(l.substr(drop));
      std::string escaped = std::string("\\") + delimiter[0] + "\\" + delimiter[1] + "\\" + delimiter[2];
      for (std::size_t p; (p = text.find(escaped)) != std::string::npos;) text.replace(p, escaped.size(), delimiter);
      if (!first) content += '\n';
      content += text;
      first = false;
    }
    index_ = open_line;
    throw error("unterminated doc string");
  }

  std::vector<std::string_view> lines_;
  std::string_view source_;
  std::size_t index_ = 0;
  Feature feature_;
  bool seen_feature_ = false;
  Section section_ = Section::preamble;
  std::vector<std::string> pending_tags_;
  Table* table_ = nullptr;
};

Step substitute(const Step& step, const std::vector<std::string>& names, const std::vector<std::string>& values) {
  Step s = step;
  s.text = substitute_placeholders(step.text, names, values);
  if (s.doc_string) s.doc_string = substitute_placeholders(*step.doc_string, names, values);
  if (s.table) {
    for (auto& row : *s.table) {
      for (auto& cell : row) cell = substitute_placeholders(cell, names, values);
    }
  }
  return s;
}

std::string numbered(const std::string& name, std::size_t ordinal) {
  if (!name.empty() && name[0] == '[') return name;
  return "[" + std::to_string(ordinal) + "] " + name;
}

}  // namespace

Feature parse_feature(std::string_view text, std::string_view source) { return FeatureParser(text, source).parse(); }

std::string substitute_placeholders(std::string_view text, const std::vector<std::string>& names,
                                    const std::vector<std::string>& values) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      std::size_t close = text.find('>', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        auto it = std::find(names.begin(), names.end(), name);
        if (it != names.end()) {
          out += values[static_cast<std::size_t>(it - names.begin())];
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<Scenario> expand_scenarios(const Feature& feature) {
  std::vector<Scenario> out;
  std::size_t ordinal = 0;
  for (const ScenarioDefinition& def : feature.scenarios) {
    ++ordinal;
    std::vector<std::string> tags = feature.tags;
    tags.insert(tags.end(), def.tags.begin(), def.tags.end());
    if (!def.outline) {
      Scenario sc{numbered(def.name, ordinal), tags, feature.background, def.line};
      sc.steps.insert(sc.steps.end(), def.steps.begin(), def.steps.end());
      out.push_back(std::move(sc));
      continue;
    }
    std::size_t example = 0;
    for (const Examples& ex : def.examples) {
      if (ex.table.empty()) continue;
      const std::vector<std::string>& names = ex.table.front();
      for (std::size_t r = 1; r < ex.table.size(); ++r) {
        const std::vector<std::string>& values = ex.table[r];
        Scenario sc;
        sc.name = numbered(substitute_placeholders(def.name, names, values), ordinal) + " (example " +
                  std::to_string(++example) + ")";
        sc.tags = tags;
        sc.tags.insert(sc.tags.end(), ex.tags.begin(), ex.tags.end());
        sc.line = def.line;
        sc.steps = feature.background;  // Gherkin substitutes in the outline's own steps only
        for (const Step& s : def.steps) sc.steps.push_back(substitute(s, names, values));
        out.push_back(std::move(sc));
      }
    }
  }
  return out;
}

}  // namespace ergo::tck
