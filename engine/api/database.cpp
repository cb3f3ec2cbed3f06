// ergo::Database: parse → bind → run, under a readers-writer lock, with
// every write undone when the statement fails (see database.hpp).
#include "ergo/database.hpp"

#include <algorithm>
#include <filesystem>
#include <new>
#include <mutex>

#include "engine/api/database_impl.hpp"
#include "engine/api/access_mode.hpp"
#include "engine/api/graph_snapshot.hpp"
#include "engine/api/held_locks.hpp"
#include "engine/api/result_elements.hpp"
#include "engine/api/query_length.hpp"
#include "engine/api/schema.hpp"
#include "engine/bind/binder.hpp"
#include "engine/exec/run_plan.hpp"
#include "engine/load/csv_loader.hpp"
#include "engine/load/kg_loader.hpp"
#include "engine/runtime/context.hpp"
#include "grammar/cypher/parse_cypher.hpp"
#include "grammar/text/diagnostic.hpp"
#include "engine/value/diagnostic_error.hpp"

namespace ergo {
namespace {

Error load_error(const load::LoadReport& report) {
  std::size_t errors = 0;
  for (const auto& d : report.diagnostics) errors += d.severity == text::Severity::error;
  std::string summary = std::to_string(errors) + (errors == 1 ? " error" : " errors") + "; nothing was loaded";
  const text::Diagnostic* first = nullptr;
  for (const auto& d : report.diagnostics) {
    if (d.severity == text::Severity::error) {
      first = &d;
      break;
    }
  }
  // A path that is missing, unreadable, or a directory without .kg files is
  // reported with a file but no position: io_error. A problem found inside
  // a file has a line: data_error. The first error decides.
  const ErrorKind kind =
      first && first->line == 0 && !first->file.empty() ? ErrorKind::io_error : ErrorKind::data_error;
  return error_from(report.diagnostics, first, kind, first ? first->message + " (" + summary + ")" : summary,
                    summary + "\n");
}

LoadSummary summary_of(const load::LoadReport& report) {
  LoadSummary s{report.files, report.entities, report.relationships, {}};
  for (const auto& d : report.diagnostics) s.warnings.push_back(text::render(d));
  return s;
}

// Failures below the API that are not ergo's own (a filesystem call that
// throws, memory running out) still reach the caller as ergo::Error, so a
// program that catches ergo::Error never dies on them.
template <typename F>
auto as_ergo_errors(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::filesystem::filesystem_error& e) {
    std::string where = e.path1().empty() ? "" : "'" + e.path1().string() + "': ";
    throw Error(ErrorKind::io_error, where + e.code().message());
  } catch (const std::bad_alloc&) {
    throw Error(ErrorKind::runtime_error,
                "not enough memory to finish (nothing was changed); ask for less, e.g. with LIMIT, or load less");
  }
}

}  // namespace

Database::Database() : impl_(std::make_unique<Impl>()) {}

Database::Impl::~Impl() {
  if (!disk) return;
  try {
    std::unique_lock lock(state->mutex);
    if (disk->has_log_records()) disk->checkpoint(state->graph);
  } catch (...) {
    // Every commit is in the log already; the next open replays it.
  }
}

void Database::Impl::commit(const store::Graph::Mark& m) {
  store::Graph& graph = state->graph;
  const bool outermost = m.depth == 0;
  if (disk && outermost) disk->commit(graph, m);
  graph.accept();
  if (disk && outermost) disk->checkpoint_if_due(graph);
}

Database Database::open_directory(const std::string& path, const StorageOptions& options) {
  return as_ergo_errors([&] {
    if (path.empty()) throw Error(ErrorKind::io_error, "no database directory given; name one (it is created when missing)");
    Database db;
    storage::DiskOptions disk_options{options.checkpoint_log_bytes, options.sync, options.read_only};
    db.impl_->disk = std::make_unique<storage::DiskStore>(path, db.impl_->state->graph, disk_options);
    return db;
  });
}

void Database::checkpoint() {
  as_ergo_errors([&] {
    if (!impl_->disk) return;
    impl_->refuse_if_read_only("checkpoint");
    std::unique_lock lock(impl_->state->mutex);
    impl_->disk->checkpoint(impl_->state->graph);
  });
}

std::string Database::directory() const { return impl_->disk ? impl_->disk->directory().string() : std::string(); }
bool Database::read_only() const { return impl_->disk && impl_->disk->read_only(); }

void Database::Impl::refuse_if_read_only(const char* what) const {
  if (disk && disk->read_only()) throw api::read_only_database_refusal(what, disk->directory().string());
}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::vector<std::string>& paths) {
  Database db;
  db.load(paths);
  return db;
}

LoadSummary Database::load(const std::vector<std::string>& paths) {
  return as_ergo_errors([&] {
    std::vector<std::filesystem::path> files(paths.begin(), paths.end());
    if (detail::held_by_this_thread(impl_->state.get())) throw api::transaction_open_refusal("Database::load()");
    impl_->refuse_if_read_only("load files into it");
    std::unique_lock lock(impl_->state->mutex);
    store::Graph& graph = impl_->state->graph;
    // The loader commits its own change; this outer mark makes the whole
    // load one commit on disk (or none, when it fails).
    const store::Graph::Mark mark = graph.mark();
    load::LoadReport report;
    try {
      report = load::load_kg(graph, files);
      if (report.ok()) impl_->commit(mark);
    } catch (...) {
      graph.rollback(mark);
      throw;
    }
    if (!report.ok()) {
      graph.rollback(mark);
      throw load_error(report);
    }
    return summary_of(report);
  });
}

CsvImportSummary Database::import_csv(const CsvImport& import) {
  return as_ergo_errors([&]() -> CsvImportSummary {
    if (detail::held_by_this_thread(impl_->state.get())) throw api::transaction_open_refusal("Database::import_csv()");
    impl_->refuse_if_read_only("import CSV files into it");
    std::unique_lock lock(impl_->state->mutex);
    store::Graph& graph = impl_->state->graph;
    const store::Graph::Mark mark = graph.mark();
    load::CsvLoadReport report;
    try {
      report = load::load_csv(graph, import);
    } catch (...) {
      graph.rollback(mark);
      throw;
    }
    CsvImportSummary summary{report.nodes, report.relationships, 0, {}};
    const bool skipping = import.lenient && report.ok(true);
    for (text::Diagnostic d : report.problems) {
      // Skipped rows are not errors: the import went ahead without them.
      if (skipping) d.severity = text::Severity::warning;
      summary.problems.push_back(text::render(d));
    }
    if (report.ok(import.lenient)) {
      if (import.lenient) summary.skipped_rows = report.bad_rows;
      try {
        impl_->commit(mark);
      } catch (...) {
        graph.rollback(mark);
        throw;
      }
      return summary;
    }
    graph.rollback(mark);
    const std::size_t count = std::max(report.problem_count, report.problems.size());
    std::string tally = std::to_string(count) + (count == 1 ? " problem" : " problems");
    if (report.problems.size() < count) tally += " (the first " + std::to_string(report.problems.size()) + " shown)";
    tally += "; nothing was imported";
    if (report.problems.empty()) throw Error(ErrorKind::data_error, tally);
    const text::Diagnostic& first = report.problems.front();
    // Without a line to point at, the message names the file itself.
    const std::string where = first.line == 0 && !first.file.empty() ? first.file + ": " : "";
    throw error_from(report.problems, &first, report.io_failure ? ErrorKind::io_error : ErrorKind::data_error,
                     where + first.message + " (" + tally + ")", tally + "\n");
  });
}

Result Database::Impl::run(const cypher::ast::Statement& statement, const Params& params,
                           const text::SourcePtr& source, const InTransaction* tx) {
  store::Graph& graph = state->graph;
  // On the thread of an open transaction, a statement outside it may only
  // read (seeing the transaction's changes): it cannot take the lock this
  // thread holds, and a write would slip into the transaction unasked.
  const bool beside_transaction = !tx && detail::held_by_this_thread(state.get());
  std::shared_lock read_lock(state->mutex, std::defer_lock);
  if (!tx && !beside_transaction) read_lock.lock();
  bind::BindOutput bound = bind::bind(statement, bind::BindInput{.source = source,
                                                                      .graph = graph,
                                                                      .params = params,
                                                                      .procedures = &state->procedures});
  if (bound.plan.explain_only) {
    std::vector<std::vector<Value>> rows;
    std::string text = plan::explain(bound.plan);
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find('\n', start);
      rows.push_back({Value(text.substr(start, end - start))});
      start = end == std::string::npos ? text.size() : end + 1;
    }
    return Result({"plan"}, std::move(rows), {}, detail::capture_elements(graph, {}), std::move(bound.warnings));
  }
  runtime::ExecContext ctx{.graph = graph,
                           .params = params,
                           .source = source,
                           .stats = {},
                           .interrupts = &interrupts,
                           .interrupts_at_start = interrupts.load(),
                           .plans = nullptr,
                           .deleted_nodes = {},
                           .deadline = {},
                           .time_limit = {},
                           .memory = {},
                           // The statement clock is read once, so every
                           // date()/datetime() of one statement sees the same
                           // instant; the transaction clock once per
                           // transaction (auto-commit: the statement's own).
                           .statement_time = std::chrono::system_clock::now(),
                           .transaction_time = {},
                           .import_directory = {}};
  ctx.transaction_time = tx ? tx->started : ctx.statement_time;
  if (const std::int64_t ms = time_limit_ms.load(); ms > 0) {
    ctx.time_limit = std::chrono::milliseconds(ms);
    ctx.deadline = std::chrono::steady_clock::now() + ctx.time_limit;
  }
  ctx.memory.budget = memory_bytes.load();
  if (bound.plan.reads_files) {
    std::lock_guard lock(import_mutex);
    ctx.import_directory = import_directory;
  }
  std::optional<ProfiledOperator> profile;  // PROFILE's annotated plan
  // The rows' elements are copied while the lock is held, so the Result
  // answers from this state whatever commits after (result_elements.hpp).
  const auto answer = [&](std::vector<std::vector<Value>> rows) {
    auto elements = detail::capture_elements(graph, rows);
    return Result(bound.plan.columns, std::move(rows), ctx.stats, std::move(elements), std::move(bound.warnings),
                  std::move(profile));
  };
  if (!bound.plan.writes) return answer(exec::run_plan(bound.plan, ctx, &profile));
  if (disk && disk->read_only()) throw api::read_only_database_refusal(statement, *source, disk->directory().string());
  if (beside_transaction) throw api::transaction_open_refusal("a write statement run with Database::execute()");
  if (tx) {
    if (tx->read_only) throw api::read_only_refusal(statement, *source);
    auto rows = exec::run_plan(bound.plan, ctx, &profile);
    graph.commit();  // adjacency: the transaction's next statements expand over what this one created
    return answer(std::move(rows));
  }
  read_lock.unlock();
  std::unique_lock write_lock(state->mutex);
  const store::Graph::Mark mark = graph.mark();
  try {
    auto rows = exec::run_plan(bound.plan, ctx, &profile);
    graph.commit();
    commit(mark);
    return answer(std::move(rows));
  } catch (...) {
    graph.rollback(mark);
    throw;
  }
}

cypher::ParseResult Database::Impl::parse(std::string_view query, std::string_view source_name) const {
  api::check_query_length(query, source_name, max_query_length.load());
  auto source = std::make_shared<text::SourceText>(std::string(source_name), std::string(query));
  cypher::ParseResult parsed = cypher::parse_cypher(source);
  if (!parsed.ok()) {
    const text::Diagnostic& d = parsed.error->diagnostic;
    throw error_from(d, ErrorKind::syntax_error).with_code(parsed.error->detail);
  }
  return parsed;
}

Result Database::execute(std::string_view query, const Params& params, std::string_view source_name) {
  return as_ergo_errors([&] {
    cypher::ParseResult parsed = impl_->parse(query, source_name);
    Result last;
    for (const cypher::ast::Statement& statement : parsed.statements) {
      last = impl_->run(statement, params, parsed.source);
    }
    return last;
  });
}

void Database::interrupt() { impl_->interrupts.fetch_add(1); }

void Database::set_limits(const Limits& limits) {
  impl_->time_limit_ms.store(std::max<std::int64_t>(limits.time_limit_ms, 0));
  impl_->max_query_length.store(limits.max_query_length);
  impl_->memory_bytes.store(limits.memory_bytes);
}

void Database::set_import_directory(const std::string& path) {
  auto directory = std::make_shared<const std::string>(path);
  std::lock_guard lock(impl_->import_mutex);
  impl_->import_directory = std::move(directory);
}

std::string Database::import_directory() const {
  std::lock_guard lock(impl_->import_mutex);
  return *impl_->import_directory;
}

Limits Database::limits() const {
  return Limits{impl_->time_limit_ms.load(), impl_->max_query_length.load(), impl_->memory_bytes.load()};
}

std::size_t Database::node_count() const {
  detail::ReadLock lock(*impl_->state);
  return impl_->state->graph.live_node_count();
}

std::size_t Database::relationship_count() const {
  detail::ReadLock lock(*impl_->state);
  return impl_->state->graph.live_relationship_count();
}

GraphStatistics Database::statistics() const {
  detail::ReadLock lock(*impl_->state);
  const store::Graph& g = impl_->state->graph;
  return {g.live_node_count(), g.live_relationship_count(), g.labels_in_use(), g.property_count()};
}

Schema Database::schema() const {
  detail::ReadLock lock(*impl_->state);
  return api::describe_schema(impl_->state->graph);
}

Result Database::find_by_name(std::string_view name) const {
  detail::ReadLock lock(*impl_->state);
  std::vector<std::vector<Value>> rows;
  std::vector<store::NodeId> nodes = impl_->state->graph.find_by_name(name);
  std::sort(nodes.begin(), nodes.end());
  for (store::NodeId n : nodes) rows.push_back({Value(NodeRef{n})});
  auto elements = detail::capture_elements(impl_->state->graph, rows);
  return Result({"node"}, std::move(rows), {}, std::move(elements));
}

}  // namespace ergo
