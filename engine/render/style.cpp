// The style table of diagrams (see style.hpp). Colours: Paul Tol's "light"
// scheme (https://personal.sron.nl/~pault/), chosen for fills behind black
// text; each known label also has its own shape.
#include "engine/render/style.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

namespace ergo::diagram {
namespace {

struct Entry {
  const char* label;
  const char* shape;
  const char* fill;
  const char* glyph;
  bool rounded;
  int peripheries;
};

// Most specific first: a node takes the first of its labels found here.
// Not "cylinder": in Graphviz 2.42 its label position varies from run to run
// by a rounding step (an uninitialised value), which breaks byte-identical SVG.
constexpr std::array<Entry, 10> kKnown{{
    {"Document", "note", "#DDDDDD", "▤", false, 1},
    {"Event", "ellipse", "#FFFFFF", "◎", false, 2},
    {"Alliance", "box", "#44BB99", "▣", true, 2},
    {"Person", "ellipse", "#EEDD88", "◯", false, 1},
    {"Model", "hexagon", "#FFAABB", "⬡", false, 1},
    {"Service", "box3d", "#BBCC33", "❒", false, 1},
    {"Product", "parallelogram", "#EE8866", "▱", false, 1},
    {"Company", "box", "#77AADD", "▢", true, 1},
    {"Organization", "house", "#99DDFF", "☖", false, 1},
    {"Technology", "diamond", "#AAAA00", "◇", false, 1},
}};

// Labels ergo does not know (a CSV import's :Country) take their fill from
// here: Paul Tol's "pale" scheme and a few muted tones, none of them a known
// label's colour, so a custom label never passes for :Product or :Company.
constexpr std::array<const char*, 8> kPalette{"#BBCCEE", "#CCEEFF", "#CCDDAA", "#EEEEBB",
                                              "#FFCCCC", "#DDBBEE", "#CCBBAA", "#AADDCC"};

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// The legend lists known labels in this order (people, organisations,
// things, ideas, then events and sources).
constexpr std::array<const char*, 10> kLegendOrder{"Person",  "Company", "Organization", "Alliance", "Product",
                                                   "Model",   "Service", "Technology",   "Event",    "Document"};

std::size_t rank_of(const std::string& label) {
  if (label.empty()) return kLegendOrder.size() + 1;
  for (std::size_t i = 0; i < kLegendOrder.size(); ++i) {
    if (label == kLegendOrder[i]) return i;
  }
  return kLegendOrder.size();
}

}  // namespace

NodeStyle node_style(const std::vector<std::string>& labels) {
  for (const Entry& e : kKnown) {
    if (std::find(labels.begin(), labels.end(), e.label) != labels.end()) {
      return {e.label, e.shape, e.fill, e.glyph, e.rounded, e.peripheries};
    }
  }
  if (labels.empty()) return {"", "ellipse", "#FFFFFF", "○", false, 1};
  std::string first = *std::min_element(labels.begin(), labels.end());
  return {first, "box", kPalette[fnv1a(first) % kPalette.size()], "□", false, 1};
}

bool legend_before(const NodeStyle& a, const NodeStyle& b) {
  std::size_t ra = rank_of(a.label), rb = rank_of(b.label);
  if (ra != rb) return ra < rb;
  return a.label < b.label;
}

std::string faint(std::string_view fill) {
  // 35% of the colour over white.
  if (fill.size() != 7 || fill[0] != '#') return "#FFFFFF";
  char out[8];
  unsigned channel[3];
  for (int i = 0; i < 3; ++i) {
    unsigned v = std::stoul(std::string(fill.substr(1 + 2 * i, 2)), nullptr, 16);
    channel[i] = (v * 35 + 255 * 65 + 50) / 100;
  }
  std::snprintf(out, sizeof out, "#%02X%02X%02X", channel[0], channel[1], channel[2]);
  return out;
}

bool is_symmetric(std::string_view type) { return type == "PARTNERS_WITH" || type == "COMPETES_WITH"; }

}  // namespace ergo::diagram
