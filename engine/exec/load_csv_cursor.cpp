// LoadCsv: LOAD CSV, streaming — per input row, the file its URL names is
// opened and read a record at a time, so a file larger than memory loads
// (what holds its rows is whatever comes after, such as a write clause).
#include <fstream>
#include <optional>

#include "engine/exec/cursors.hpp"
#include "engine/exec/import_url.hpp"
#include "grammar/csv/record_reader.hpp"

namespace ergo::exec {
namespace {

using plan::LoadCsv;

class LoadCsvCursor : public Cursor {
 public:
  explicit LoadCsvCursor(const LoadCsv& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (reader_) {
        if (next_record(frame, ctx)) return true;
        close();
      }
      if (!input_->pull(frame, ctx)) return false;
      open_file(frame, ctx);
    }
  }

  void reset() override {
    input_->reset();
    close();
  }

 private:
  void close() {
    reader_.reset();
    file_.close();
    header_.clear();
  }

  void open_file(Frame& frame, ExecContext& ctx) {
    const Value url = op_.source->eval(frame, ctx);
    const std::string* text = url.get_if<std::string>();
    if (!text) {
      throw error_at(ctx, op_.source->span(), ErrorKind::type_error,
                     std::string("LOAD CSV needs the file's URL as a STRING, like 'file:///people.csv', got ") +
                         type_name(url.type()))
          .with_code("InvalidArgumentType");
    }
    const std::string directory = ctx.import_directory ? *ctx.import_directory : std::string();
    auto resolved = resolve_import_url(*text, directory);
    if (auto* refused = std::get_if<RefusedUrl>(&resolved)) {
      throw error_at(ctx, op_.source->span(), ErrorKind::io_error, refused->message).with_code("ExternalResourceFailed");
    }
    const auto& path = std::get<std::filesystem::path>(resolved);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      throw error_at(ctx, op_.source->span(), ErrorKind::io_error,
                     "'" + *text + "' is a directory (" + path.string() + "); name a CSV file in it")
          .with_code("ExternalResourceFailed");
    }
    file_.open(path, std::ios::binary);
    if (!file_) {
      throw error_at(ctx, op_.source->span(), ErrorKind::io_error,
                     "cannot read '" + *text + "' (" + path.string() + "): " +
                         (std::filesystem::exists(path, ec) ? "permission denied" : "no such file"))
          .with_code("ExternalResourceFailed");
    }
    url_ = *text;
    reader_.emplace(file_, op_.delimiter);
    if (op_.headers) {
      if (!read(ctx)) return;  // an empty file: no rows
      for (const csv::RecordField& f : fields_) header_.push_back(f.text);
    }
  }

  // The next record into fields_; false at the end of the file.
  bool read(ExecContext& ctx) {
    try {
      return reader_->next(fields_);
    } catch (const csv::RecordError& e) {
      throw error_at(ctx, op_.at, ErrorKind::data_error,
                     "cannot read '" + url_ + "' at line " + std::to_string(e.line) + ", column " +
                         std::to_string(e.column) + ": " + e.what())
          .with_code("ExternalResourceFailed");
    }
  }

  bool next_record(Frame& frame, ExecContext& ctx) {
    ctx.check_cancelled();
    if (!read(ctx)) return false;
    auto value_of = [](const csv::RecordField& f) { return f.present ? Value(f.text) : Value(); };
    if (op_.headers) {
      Map row;  // Value(Map) sorts it; a repeated column name keeps the last field
      row.reserve(header_.size());
      for (std::size_t i = 0; i < header_.size(); ++i) {
        row.emplace_back(header_[i], i < fields_.size() ? value_of(fields_[i]) : Value());
      }
      frame[op_.slot] = Value(std::move(row));
    } else {
      List row;
      row.reserve(fields_.size());
      for (const csv::RecordField& f : fields_) row.push_back(value_of(f));
      frame[op_.slot] = Value(std::move(row));
    }
    return true;
  }

  const LoadCsv& op_;
  CursorPtr input_;
  std::ifstream file_;
  std::optional<csv::RecordReader> reader_;
  std::string url_;
  std::vector<std::string> header_;
  std::vector<csv::RecordField> fields_;
};

}  // namespace

CursorPtr open_cursor(const plan::LoadCsv& op) { return std::make_unique<LoadCsvCursor>(op); }

}  // namespace ergo::exec
