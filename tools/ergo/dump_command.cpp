// `ergo dump` (see dump_command.hpp): parses its own options — the same
// spelling as ergo's, GNU style — opens the graph read-only in spirit (a
// database is opened, never changed), and writes it through
// dump_output.hpp.
#include "tools/ergo/dump_command.hpp"

#include <filesystem>
#include <iostream>

#include "ergo/database.hpp"
#include "tools/ergo/csv_arguments.hpp"
#include "tools/ergo/dump_output.hpp"
#include "tools/ergo/options.hpp"

namespace ergo::cli {
namespace {

constexpr const char* usage =
    "usage: ergo dump [--db DIR | SOURCE...] [--format FORMAT] [-o FILE|DIR]\n"
    "\n"
    "Writes the whole graph: the database in DIR, the .kg files and directories\n"
    "named as SOURCEs (or CSV files given with --nodes and --relationships), or,\n"
    "with none of them, the bundled graph. FORMAT is one of\n"
    "  kg       ergo's .kg triples; loads back into the same graph (ergo FILE.kg)\n"
    "  cypher   a Cypher script of UNWIND batches for ergo, Neo4j 5 and Memgraph\n"
    "  csv      neo4j-admin import CSV: DIR/nodes.csv, DIR/relationships.csv (and\n"
    "           -2, -3 files when a key holds values of several types)\n"
    "  graphml  GraphML with typed keys, for Gephi, yEd and networkx\n"
    "  jsonl    JSON Lines in the shape of APOC's apoc.export.json\n"
    "\n"
    "Options:\n"
    "      --db DIR            dump the database kept in DIR (it must exist)\n"
    "      --format FORMAT     kg, cypher, csv, graphml or jsonl (default: from the\n"
    "                          extension of -o; a directory, or a name ending in\n"
    "                          '/', is csv)\n"
    "  -o, --output FILE|DIR   write there instead of standard output (CSV needs a\n"
    "                          directory); the file appears whole or not at all\n"
    "      --nodes [LABEL=]FILE, --relationships [TYPE=]FILE, --delimiter C,\n"
    "      --lenient           CSV files to read, as for ergo (docs/csv-import.md)\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Exit status: 0 success, 1 a data or file error (the graph holds what the\n"
    "format cannot say, a file cannot be written), 2 a usage error.\n"
    "See docs/export.md for each format and what it keeps.\n";

struct DumpOptions {
  std::string db;
  std::vector<std::string> sources;
  CsvImport csv;
  std::optional<DumpFormat> format;
  std::string output;
  bool help = false;
};

DumpOptions parse(const std::vector<std::string>& args) {
  DumpOptions o;
  bool only_sources = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_sources || arg == "-" || !arg.starts_with("-")) {
      o.sources.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_sources = true;
      continue;
    }
    SplitOption split = split_option(arg);
    // References, not a structured binding: the lambdas below capture them,
    // which clang 14 does not allow for bindings.
    std::string& name = split.name;
    std::optional<std::string>& attached = split.attached;
    auto value = [&]() -> std::string {
      if (attached) return *attached;
      if (i + 1 >= args.size()) throw UsageError("option '" + name + "' needs a value");
      return args[++i];
    };
    if (name == "--db") {
      o.db = value();
      if (o.db.empty()) throw UsageError("option '--db' needs a directory name");
    } else if (name == "--format") {
      const std::string f = value();
      o.format = parse_dump_format(f);
      if (!o.format) {
        throw UsageError("unknown dump format '" + f + "'; use " + dump_format_names());
      }
    } else if (name == "-o" || name == "--output") {
      o.output = value();
      if (o.output.empty()) throw UsageError("option '" + name + "' needs a file or directory name");
    } else if (is_csv_switch(name)) {
      std::optional<std::string> v = attached;
      if (name != "--lenient" && !v) v = value();
      apply_csv_switch(o.csv, name, v);
    } else if (name == "-h" || name == "--help") {
      if (attached) throw UsageError("option '" + name + "' takes no value");
      o.help = true;
    } else {
      throw UsageError("unknown option '" + name + "' for ergo dump");
    }
  }
  const bool csv = !o.csv.nodes.empty() || !o.csv.relationships.empty();
  if (!o.db.empty() && (!o.sources.empty() || csv)) {
    throw UsageError("ergo dump reads either --db DIR or sources, not both (a dump never changes the "
                     "database); add them to it first with ergo --db " + o.db + " SOURCE... -e 'RETURN 1'");
  }
  if ((o.csv.lenient || o.csv.delimiter != ',') && !csv) {
    throw UsageError(std::string("option '") + (o.csv.lenient ? "--lenient" : "--delimiter") +
                     "' is for CSV imports, so it needs --nodes FILE or --relationships FILE");
  }
  return o;
}

int usage_error(const std::string& message) {
  std::cerr << "ergo dump: " << message << "\nTry 'ergo dump --help' for more information.\n";
  return 2;
}

// What an Error says, with its rendered excerpt when it has one.
int data_error(const Error& e) {
  std::cerr << (e.rendered().empty() || e.rendered() == e.message() ? "ergo dump: " + e.message() + "\n"
                                                                    : e.rendered());
  return 1;
}

}  // namespace

const char* dump_usage_text() { return usage; }

int dump_main(const std::vector<std::string>& args, const std::optional<std::string>& bundled) {
  DumpOptions o;
  DumpFormat format;
  try {
    o = parse(args);
    if (o.help) {
      std::cout << usage;
      return 0;
    }
    format = choose_dump_format(o.format, o.output, "--format FORMAT");
    if (format == DumpFormat::csv && (o.output.empty() || o.output == "-")) {
      throw UsageError("a CSV dump is a directory of files (nodes.csv, relationships.csv, ...): name a directory "
                       "with -o DIR");
    }
  } catch (const UsageError& e) {
    return usage_error(e.what());
  } catch (const Error& e) {
    return usage_error(e.message());
  }

  Database db;
  try {
    if (!o.db.empty()) {
      // Opening creates a missing directory; a dump must not.
      std::error_code ec;
      if (!std::filesystem::exists(o.db, ec)) {
        std::cerr << "ergo dump: there is no database '" << o.db << "': the directory does not exist; name the "
                  << "directory given to ergo --db\n";
        return 1;
      }
      // Read-only: a dump changes nothing (no lock, no checkpoint, a torn
      // tail left for the writer), so it runs beside a process writing the
      // database and sees it as of the dump's start.
      StorageOptions storage;
      storage.read_only = true;
      db = Database::open_directory(o.db, storage);
    }
    std::vector<std::string> sources = o.sources;
    const bool csv = !o.csv.nodes.empty() || !o.csv.relationships.empty();
    if (o.db.empty() && sources.empty() && !csv) {
      if (!bundled) {
        std::cerr << "ergo dump: cannot find the bundled data directory; name a .kg file or directory\n";
        return 1;
      }
      sources.push_back(*bundled);
    }
    if (!sources.empty()) {
      for (const std::string& w : db.load(sources).warnings) std::cerr << w;
    }
    if (csv) {
      CsvImportSummary imported = db.import_csv(o.csv);
      for (const std::string& p : imported.problems) std::cerr << p;
      if (imported.skipped_rows) std::cerr << "warning: " << describe_skipped(imported) << "\n";
    }
    const std::string done = write_dump(db, format, o.output);
    if (!o.output.empty() && o.output != "-") std::cerr << done << "\n";
  } catch (const Error& e) {
    return data_error(e);
  }
  return 0;
}

}  // namespace ergo::cli
