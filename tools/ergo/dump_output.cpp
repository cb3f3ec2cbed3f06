// Writing a dump to a file, a directory or standard output (see
// dump_output.hpp).
#include "tools/ergo/dump_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

namespace ergo::cli {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void io_failure(const std::string& what, const std::string& path, int error) {
  throw Error(ErrorKind::io_error, "could not " + what + " '" + path + "': " + std::strerror(error));
}

// A file written under a temporary name beside `path`, renamed into place
// by commit(); removed when dropped before that.
class StagedFile {
 public:
  explicit StagedFile(fs::path path)
      : path_(std::move(path)), staged_(path_.string() + ".tmp-" + std::to_string(::getpid())) {
    errno = 0;
    out_.open(staged_, std::ios::binary | std::ios::trunc);
    if (!out_) io_failure("create", staged_.string(), errno ? errno : EIO);
  }
  ~StagedFile() {
    if (committed_) return;
    out_.close();
    std::error_code ec;
    fs::remove(staged_, ec);
  }
  std::ostream& stream() { return out_; }
  void commit() {
    errno = 0;
    out_.flush();
    if (!out_) io_failure("write", staged_.string(), errno ? errno : EIO);
    out_.close();
    if (!out_) io_failure("write", staged_.string(), errno ? errno : EIO);
    std::error_code ec;
    fs::rename(staged_, path_, ec);
    if (ec) io_failure("rename '" + staged_.string() + "' to", path_.string(), ec.value());
    committed_ = true;
  }

 private:
  fs::path path_, staged_;
  std::ofstream out_;
  bool committed_ = false;
};

std::string summary(const DumpSummary& s, const std::string& where, DumpFormat format) {
  auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  const std::string what = format == DumpFormat::csv ? "" : std::string(" (") + dump_format_name(format) + ")";
  return "Dumped " + count(s.nodes, "node", "nodes") + " and " +
         count(s.relationships, "relationship", "relationships") + " to " + where + what + ".";
}

}  // namespace

const char* dump_format_names() { return "kg, cypher, csv, graphml or jsonl"; }

DumpFormat choose_dump_format(const std::optional<DumpFormat>& given, const std::string& path,
                              const std::string& option) {
  if (given) return *given;
  if (path.empty() || path == "-") {
    throw Error(ErrorKind::argument_error,
                "which format? Standard output has no file name to tell it by: name one with " + option + " (" +
                    dump_format_names() + ")");
  }
  if (auto f = dump_format_for_path(path); f && *f != DumpFormat::csv) return *f;
  std::error_code ec;
  if (path.ends_with('/') || fs::is_directory(path, ec)) return DumpFormat::csv;
  if (dump_format_for_path(path)) {
    throw Error(ErrorKind::argument_error,
                "a CSV dump is a directory of files (nodes.csv, relationships.csv, ...): name a directory instead of '" +
                    path + "' (e.g. '" + path.substr(0, path.size() - 4) + "/')");
  }
  throw Error(ErrorKind::argument_error,
              "cannot tell the format from the name '" + path +
                  "': end it in .kg, .cypher, .graphml or .jsonl, end a directory for CSV in '/', or name the "
                  "format with " + option + " (" + dump_format_names() + ")");
}

std::string write_dump(const Database& db, DumpFormat format, const std::string& path) {
  const bool to_stdout = path.empty() || path == "-";
  if (format == DumpFormat::csv) {
    if (to_stdout) {
      throw Error(ErrorKind::argument_error,
                  "a CSV dump is a directory of files (nodes.csv, relationships.csv, ...): name a directory");
    }
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) io_failure("create the directory", path, ec.value());
    std::vector<std::unique_ptr<StagedFile>> files;
    std::vector<std::string> names;
    DumpSummary s = db.dump_csv([&](const std::string& name) -> std::ostream& {
      files.push_back(std::make_unique<StagedFile>(fs::path(path) / name));
      names.push_back(name);
      return files.back()->stream();
    });
    for (auto& f : files) f->commit();
    std::string listed;
    for (std::size_t i = 0; i < names.size(); ++i) listed += (i ? ", " : "") + names[i];
    return summary(s, (fs::path(path) / "").string() + " (" + listed + ")", format);
  }
  if (to_stdout) {
    DumpSummary s = db.dump(std::cout, format);
    std::cout.flush();
    if (!std::cout) io_failure("write to", "standard output", errno ? errno : EIO);
    return summary(s, "standard output", format);
  }
  StagedFile file(path);
  DumpSummary s = db.dump(file.stream(), format);
  file.commit();
  return summary(s, path, format);
}

}  // namespace ergo::cli
