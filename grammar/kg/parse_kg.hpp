// Entry point of the .kg parser (docs/data-format.md). Parses every line,
// collecting one positioned diagnostic per bad line rather than stopping at
// the first; never throws on bad input.
#pragma once

#include "grammar/kg/kg_document.hpp"

namespace ergo::kg {

ParsedFile parse_kg(text::SourcePtr source);

}  // namespace ergo::kg
