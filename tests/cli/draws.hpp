// Which end-to-end cases draw a diagram. A build without Graphviz
// (-DERGO_WITH_GRAPHVIZ=OFF) refuses to draw by design, and says so
// (tests/layering/no_graphviz_test.cpp); it leaves these cases out and runs
// all the others. A build that draws runs every case.
#pragma once

#include <string_view>

#include "ergo/render.hpp"

namespace ergo::testing {

// `text` asks ergo to draw: a --render option or a :render command.
inline bool asks_to_draw(std::string_view text) {
  return text.find("--render") != std::string_view::npos || text.find(":render") != std::string_view::npos;
}

// Cases that draw run only where this build can.
inline bool runnable_here(std::string_view case_text) { return render_available() || !asks_to_draw(case_text); }

}  // namespace ergo::testing
