// Private to engine/format: one writer per output format, each given the
// result and the options write_result() was called with (format.cpp picks).
#pragma once

#include <ostream>

#include "ergo/format.hpp"

namespace ergo::format {

void write_table(std::ostream& out, const Result& result, const FormatOptions& options);
// One field per line, each row under a rule (vertical_writer.cpp).
void write_vertical(std::ostream& out, const Result& result, const FormatOptions& options);
// A table when its rows fit options.max_width uncut, else vertical.
void write_table_or_vertical(std::ostream& out, const Result& result, const FormatOptions& options);
// CSV when separator is ',', TSV when it is '\t'.
void write_delimited(std::ostream& out, const Result& result, char separator, bool header);
void write_markdown(std::ostream& out, const Result& result, bool header);
// One array of row objects, or (lines) one object per line.
void write_json(std::ostream& out, const Result& result, bool lines);

}  // namespace ergo::format
