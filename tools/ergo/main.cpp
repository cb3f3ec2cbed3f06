// ergo: opens the bundled knowledge graph (or the .kg files and directories
// named on the command line) and reads commands from the terminal or from
// standard input.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "engine/load/kg_loader.hpp"
#include "tools/ergo/bundled_data.hpp"
#include "tools/ergo/shell.hpp"

namespace {

constexpr const char* usage =
    "usage: ergo [OPTIONS] [SOURCE...]\n"
    "\n"
    "Opens a knowledge graph and reads commands from the terminal or standard input.\n"
    "A SOURCE is a .kg file or a directory of them; with none, the bundled\n"
    "AI-industry graph is loaded.\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help and exit\n"
    "      --version  show the version and exit\n"
    "\n"
    "Exit status: 0 success, 1 a data or command error, 2 a usage error.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> sources;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << usage;
      return 0;
    }
    if (arg == "--version") {
      std::cout << "ergo " << ERGO_VERSION << "\n";
      return 0;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << "ergo: unknown option '" << arg << "'\n" << usage;
      return 2;
    }
    sources.emplace_back(arg);
  }
  if (sources.empty()) {
    auto bundled = ergo::cli::bundled_data_dir();
    if (!bundled) {
      std::cerr << "ergo: cannot find the bundled data directory; name a .kg file or directory\n";
      return 1;
    }
    sources.push_back(*bundled);
  }

  ergo::store::Graph graph;
  ergo::load::LoadReport report = ergo::load::load_kg(graph, sources);
  std::cerr << ergo::text::render(report.diagnostics);
  if (!report.ok()) {
    std::size_t errors = 0;
    for (const auto& d : report.diagnostics) errors += d.severity == ergo::text::Severity::error;
    std::cerr << "ergo: " << errors << (errors == 1 ? " error" : " errors") << "; nothing was loaded\n";
    return 1;
  }

  const bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  ergo::cli::Shell shell(graph, interactive ? std::cout : std::cerr);
  std::string summary = "Loaded " + std::to_string(report.entities) + " entities and " +
                        std::to_string(report.relationships) + " relationships from " +
                        std::to_string(report.files) + (report.files == 1 ? " file" : " files") + ".";
  if (interactive) {
    std::cout << "ergo " << ERGO_VERSION << " — " << summary << "\nType :help for help.\n";
  } else {
    std::cerr << summary << "\n";
  }
  return shell.run(std::cin, std::cout, interactive);
}
