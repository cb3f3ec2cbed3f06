// The real QueryTarget: a fresh in-memory ergo::Database, whose results are
// converted to TckValues through the ergo::Result that produced them.
#pragma once

#include <memory>

#include "tools/tck/query_target.hpp"

namespace ergo::tck {

std::unique_ptr<QueryTarget> make_engine_target();

}  // namespace ergo::tck
