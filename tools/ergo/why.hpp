// :why — the evidence behind the last answer: for each relationship in it,
// the document and line its fact comes from, and, when the source texts are
// at hand (--sources DIR), that line with both ends' mentions in [brackets].
// The lookup itself is the engine's ergo.evidence procedure, so the shell
// and a query show the same evidence.
#pragma once

#include <string>
#include <vector>

#include "ergo/database.hpp"

namespace ergo::cli {

class Session;

// The relationships of an answer, each once, in the order they first appear
// (in cells, lists, maps and paths).
std::vector<RelationshipRef> relationships_of(const Result& answer);

// Prints the evidence for the last answer. Throws ergo::Error when there is
// no answer or it holds no relationship.
void print_why(Session& session);

}  // namespace ergo::cli
