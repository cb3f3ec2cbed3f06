// Fuzz target: parameter values as the ergo binary reads them — a JSON
// file (--params) and one Cypher literal (--param). Bad input is a
// ParamError (a usage error), never anything else.
#include <stdexcept>

#include "tests/fuzz/fuzz_support.hpp"
#include "tools/ergo/param_values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ergo::fuzz::text_of(data, size);
  try {
    (void)ergo::cli::read_params_file(ergo::fuzz::write_file(text, ".json"));
  } catch (const ergo::cli::ParamError&) {
  }
  try {
    (void)ergo::cli::parse_param_value(text);
  } catch (const ergo::cli::ParamError&) {
  }
  return 0;
}
