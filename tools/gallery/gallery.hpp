// ergo-gallery: the diagrams of docs/gallery.md, each made by one query on
// the bundled graph, and the layout-time measurement behind the "auto"
// layout threshold (docs/rendering.md).
#pragma once

#include <string>
#include <vector>

#include "ergo/database.hpp"
#include "ergo/render.hpp"

namespace ergo::gallery {

struct Diagram {
  std::string slug;         // file name: docs/gallery/SLUG.svg and .png
  std::string title;
  std::string description;  // one paragraph of Markdown
  std::string query;
  RenderOptions options;    // database filled in by the caller
};

// The gallery, in the order docs/gallery.md shows it.
std::vector<Diagram> diagrams();

// Writes every diagram as SVG and PNG into `out_dir`/gallery/ and the page
// `out_dir`/gallery.md; reports each file on `log`. Returns the number of
// diagrams written.
int write_gallery(Database& db, const std::string& out_dir, std::ostream& log);

// Times render() with the dot and sfdp layouts on synthetic answers of each
// size in `sizes` (a spanning tree plus `extra_percent` % more relationships
// than nodes) and prints a Markdown table on `out`.
void bench_layouts(const std::vector<std::size_t>& sizes, std::size_t extra_percent, std::ostream& out);

}  // namespace ergo::gallery
