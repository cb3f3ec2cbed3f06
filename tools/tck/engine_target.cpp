// QueryTarget over ergo::Database (see engine_target.hpp); the only file of
// the runner that runs the engine.
#include "tools/tck/engine_target.hpp"

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

class EngineTarget final : public QueryTarget {
 public:
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
    for (const auto& row : result.rows()) {
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
