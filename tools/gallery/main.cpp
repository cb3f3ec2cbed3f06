// ergo-gallery: regenerates docs/gallery.md with its SVG and PNG diagrams
// (run by tools/gallery.sh), or with --bench measures layout time against
// node count for the "auto" layout threshold.
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ergo/error.hpp"
#include "tools/gallery/gallery.hpp"

namespace {

const char* kUsage =
    "usage: ergo-gallery --data DIR --out DOCS_DIR   write DOCS_DIR/gallery.md and DOCS_DIR/gallery/*\n"
    "       ergo-gallery --bench [--sizes 25,50,100] [--extra PERCENT]\n"
    "                                                 time the dot and sfdp layouts\n";

std::vector<std::size_t> parse_sizes(const std::string& list) {
  std::vector<std::size_t> sizes;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) sizes.push_back(std::stoul(item));
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, out;
  bool bench = false;
  std::size_t extra_percent = 30;
  std::vector<std::size_t> sizes{25, 50, 100, 150, 200, 300, 400, 600, 800, 1200};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--data" && has_value) {
      data = argv[++i];
    } else if (a == "--out" && has_value) {
      out = argv[++i];
    } else if (a == "--sizes" && has_value) {
      sizes = parse_sizes(argv[++i]);
    } else if (a == "--extra" && has_value) {
      extra_percent = std::stoul(argv[++i]);
    } else if (a == "--bench") {
      bench = true;
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  try {
    if (bench) {
      ergo::gallery::bench_layouts(sizes, extra_percent, std::cout);
      return 0;
    }
    if (data.empty() || out.empty()) {
      std::cerr << kUsage;
      return 2;
    }
    ergo::Database db = ergo::Database::open({data});
    ergo::gallery::write_gallery(db, out, std::cout);
    return 0;
  } catch (const ergo::Error& e) {
    std::cerr << "ergo-gallery: " << (e.rendered().empty() ? e.what() : e.rendered()) << "\n";
    return 1;
  }
}
