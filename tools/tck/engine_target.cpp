// QueryTarget over ergo::Database (see engine_target.hpp); the only file of
// the runner that runs the engine.
#include "tools/tck/engine_target.hpp"

#include <cctype>

#include "ergo/database.hpp"
#include "tools/tck/convert.hpp"

namespace ergo::tck {
namespace {

class ResultGraphView final : public GraphView {
 public:
  explicit ResultGraphView(const ergo::Result& result) : result_(result) {}
  std::vector<std::string> labels(ergo::NodeRef n) const override { return result_.labels(n); }
  ergo::Map properties(ergo::NodeRef n) const override { return result_.properties(n); }
  std::string type(ergo::RelationshipRef r) const override { return result_.type(r); }
  ergo::NodeRef start_node(ergo::RelationshipRef r) const override { return result_.start_node(r); }
  ergo::NodeRef end_node(ergo::RelationshipRef r) const override { return result_.end_node(r); }
  ergo::Map properties(ergo::RelationshipRef r) const override { return result_.properties(r); }

 private:
  const ergo::Result& result_;
};

// The names in one parenthesized list of a signature: "(a :: INTEGER?, b :: X)".
std::vector<std::string> names_in(std::string_view list) {
  std::vector<std::string> names;
  std::size_t at = 0;
  while ((at = list.find("::", at)) != std::string_view::npos) {
    std::size_t end = at;
    while (end > 0 && list[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(list[start - 1])) || list[start - 1] == '_')) --start;
    names.emplace_back(list.substr(start, end - start));
    at += 2;
  }
  return names;
}

// A procedure a scenario declares: its calls answer from a table.
class TableProcedure final : public ergo::Procedure {
 public:
  TableProcedure(const std::string& signature, const std::vector<std::string>& header,
                 std::vector<std::vector<ergo::Value>> rows)
      : rows_(std::move(rows)) {
    const std::size_t open = signature.find('(');
    const std::size_t close = signature.find(')', open);
    const std::size_t outputs = signature.find('(', close);
    auto column = [&](const std::string& name) {
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
      }
      throw ConversionError("the procedure's table has no column '" + name + "'");
    };
    for (const std::string& a : names_in(std::string_view(signature).substr(open, close - open))) {
      inputs_.push_back(column(a));
    }
    if (outputs != std::string::npos) {
      for (const std::string& f : names_in(std::string_view(signature).substr(outputs))) outputs_.push_back(column(f));
    }
  }

  std::vector<std::vector<ergo::Value>> call(const std::vector<ergo::Value>& arguments) const override {
    std::vector<std::vector<ergo::Value>> out;
    for (const auto& row : rows_) {
      bool match = true;
      for (std::size_t i = 0; i < inputs_.size() && match; ++i) match = row[inputs_[i]] == arguments[i];
      if (!match) continue;
      out.emplace_back();
      for (std::size_t c : outputs_) out.back().push_back(row[c]);
    }
    return out;
  }

 private:
  std::vector<std::vector<ergo::Value>> rows_;
  std::vector<std::size_t> inputs_, outputs_;  // columns of the table
};

class EngineTarget final : public QueryTarget {
 public:
  void add_procedure(const std::string& signature, const std::vector<std::string>& header,
                     const std::vector<std::vector<ergo::Value>>& rows) override {
    db_.add_procedure(signature, std::make_shared<TableProcedure>(signature, header, rows));
  }

  ActualTable execute(std::string_view query, const ergo::Params& params) override {
    ergo::Result result = db_.execute(query, params);
    try {
      return convert(result);
    } catch (const ergo::Error& e) {
      // Not the query's error: the result names an element it cannot show.
      throw ConversionError(std::string("cannot read the result: ") + e.message());
    }
  }

  ergo::GraphStatistics statistics() const override { return db_.statistics(); }

 private:
  static ActualTable convert(const ergo::Result& result) {
    ResultGraphView graph(result);
    ActualTable table;
    table.columns = result.columns();
    table.rows.reserve(result.size());
    for (const ergo::Row& row : result) {
      std::vector<TckValue> cells;
      cells.reserve(row.size());
      for (const ergo::Value& v : row) cells.push_back(to_tck_value(v, graph));
      table.rows.push_back(std::move(cells));
    }
    return table;
  }

  ergo::Database db_;
};

}  // namespace

std::unique_ptr<QueryTarget> make_engine_target() { return std::make_unique<EngineTarget>(); }

}  // namespace ergo::tck
