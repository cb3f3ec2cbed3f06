// A fixture for the layering self-test: eval/ is below exec/, so this
// include runs back up the layer order and the check must name this file.
#include "engine/exec/open.hpp"
