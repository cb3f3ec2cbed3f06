// ergo::Database: parse → bind → run; reads on the current version of the
// graph, writes on the draft under the writer lock, every write undone when
// the statement fails (see database.hpp and graph_versions.hpp).
#include "ergo/database.hpp"

#include <algorithm>
#include <filesystem>
#include <new>
#include <mutex>
#include <thread>

#include "engine/api/database_impl.hpp"
#include "engine/api/access_mode.hpp"
#include "engine/api/graph_versions.hpp"
#include "engine/api/held_locks.hpp"
#include "engine/api/result_elements.hpp"
#include "engine/api/query_length.hpp"
#include "engine/api/schema.hpp"
#include "engine/bind/binder.hpp"
#include "engine/exec/run_plan.hpp"
#include "engine/load/csv_loader.hpp"
#include "engine/load/kg_loader.hpp"
#include "engine/storage/commit_record.hpp"
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
    std::unique_lock lock(versions->writer());
    settle_waiting();
    if (disk->has_log_records()) disk->checkpoint(versions->pin().graph());
  } catch (...) {
    // Every commit is in the log already; the next open replays it.
  }
}

std::uint64_t Database::Impl::commit(store::Graph& draft, const store::Graph::Mark& m, Publish how) {
  if (m.depth != 0) {  // an inner change: the outer one commits
    draft.accept();
    return 0;
  }
  if (how == Publish::bulk) {
    // Loads settle the commits waiting before they start: their sync here
    // covers nothing else.
    if (disk && disk->fills_log(storage::commit_record_lower_bound(draft, m))) {
      disk->commit_snapshot(draft);  // a large load: its record would only be checkpointed away
    } else if (disk) {
      disk->commit(storage::encode_commit(draft, m, disk->next_sequence()), draft);
    }
    draft.accept();
    // The copy the next writer will need is made now on a thread of its
    // own, except on one thread (set_threads(1)): then that writer makes it.
    versions->publish_bulk(read_only_disk() || threads_to_use() == 1 ? detail::GraphVersions::Copy::never
                                                                       : detail::GraphVersions::Copy::now);
    if (disk) disk->checkpoint_if_due(versions->pin().graph());
    return 0;
  }
  // The record is the log's entry on disk and, in memory too, what the
  // other version replays.
  std::vector<std::byte> record = storage::encode_commit(draft, m, disk ? disk->next_sequence() : 0);
  if (!disk) {
    draft.accept();
    versions->publish(std::move(record));
    return 0;
  }
  // A change of nothing still ran on the draft, which may hold commits
  // still waiting: what it answered may rest on them.
  if (record.empty()) {
    draft.accept();
    return waiting.newest();
  }
  const bool durable = disk->append(record, draft);
  draft.accept();
  const std::uint64_t ticket = waiting.add(std::move(record));
  if (durable) waiting.settle(*disk, *versions);  // a new snapshot holds it and all before it: nothing to sync
  return ticket;
}

void Database::Impl::wait_durable(std::uint64_t ticket) {
  if (ticket != 0) waiting.wait(ticket, versions->writer(), *disk, *versions);
}

void Database::Impl::settle_waiting() {
  if (disk && !disk->read_only()) waiting.settle(*disk, *versions);
}

bool Database::Impl::roll_back(store::Graph& draft, const store::Graph::Mark& m) noexcept {
  try {
    draft.rollback(m);
    return true;
  } catch (...) {
    // The draft goes, and with it any commits waiting for their sync.
    if (disk && !disk->read_only()) {
      waiting.lose(*disk, Error(ErrorKind::io_error,
                                "a change could not be undone after a failure (out of memory?), and the commits "
                                "waiting for their sync with it were dropped; nothing of them was committed"));
    }
    versions->drop_draft();
    return false;
  }
}

Database Database::open_directory(const std::string& path, const StorageOptions& options) {
  return as_ergo_errors([&] {
    if (path.empty()) throw Error(ErrorKind::io_error, "no database directory given; name one (it is created when missing)");
    Database db;
    storage::DiskOptions disk_options{options.checkpoint_log_bytes, options.sync, options.read_only};
    Impl& impl = *db.impl_;
    std::unique_lock lock(impl.versions->writer());
    impl.disk = std::make_unique<storage::DiskStore>(path, impl.versions->draft(), disk_options);
    impl.versions->publish_bulk(options.read_only ? detail::GraphVersions::Copy::never
                                                  : detail::GraphVersions::Copy::after_delay);
    return db;
  });
}

void Database::checkpoint() {
  as_ergo_errors([&] {
    if (!impl_->disk) return;
    impl_->refuse_if_read_only("checkpoint");
    if (detail::held_by_this_thread(impl_->versions.get())) throw api::transaction_open_refusal("Database::checkpoint()");
    std::unique_lock lock(impl_->versions->writer());
    impl_->settle_waiting();
    impl_->disk->checkpoint(impl_->versions->pin().graph());
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
    if (detail::held_by_this_thread(impl_->versions.get())) throw api::transaction_open_refusal("Database::load()");
    impl_->refuse_if_read_only("load files into it");
    std::unique_lock lock(impl_->versions->writer());
    impl_->settle_waiting();
    store::Graph& graph = impl_->versions->draft();
    // The loader commits its own change; this outer mark makes the whole
    // load one commit on disk (or none, when it fails).
    const store::Graph::Mark mark = graph.mark();
    load::LoadReport report;
    try {
      report = load::load_kg(graph, files);
      if (report.ok()) impl_->commit(graph, mark, Impl::Publish::bulk);
    } catch (...) {
      impl_->roll_back(graph, mark);
      throw;
    }
    if (!report.ok()) {
      impl_->roll_back(graph, mark);
      throw load_error(report);
    }
    return summary_of(report);
  });
}

CsvImportSummary Database::import_csv(const CsvImport& import) {
  return as_ergo_errors([&]() -> CsvImportSummary {
    if (detail::held_by_this_thread(impl_->versions.get())) throw api::transaction_open_refusal("Database::import_csv()");
    impl_->refuse_if_read_only("import CSV files into it");
    std::unique_lock lock(impl_->versions->writer());
    impl_->settle_waiting();
    store::Graph& graph = impl_->versions->draft();
    const store::Graph::Mark mark = graph.mark();
    load::CsvLoadReport report;
    try {
      report = load::load_csv(graph, import, impl_->threads_to_use());
    } catch (...) {
      impl_->roll_back(graph, mark);
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
        impl_->commit(graph, mark, Impl::Publish::bulk);
      } catch (...) {
        impl_->roll_back(graph, mark);
        throw;
      }
      return summary;
    }
    impl_->roll_back(graph, mark);
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
  if (tx) return *run_on(*tx->graph, *tx->procedures, statement, params, source, tx);  // with tx: always a Result
  // On the thread of an open transaction, a statement outside it may only
  // read (seeing the transaction's changes): a write would slip into the
  // transaction unasked.
  const bool beside_transaction = detail::held_by_this_thread(versions.get()) != nullptr;
  if (beside_transaction || read_only_disk() || !api::writes(statement)) {
    std::optional<Result> answer;
    {
      detail::ReadView view(*versions);
      answer = run_on(view.graph(), view.procedures(), statement, params, source, nullptr);
    }
    if (answer) return std::move(*answer);
    // A write its clauses did not show (CALL { CREATE … }): the writer's turn.
    if (beside_transaction) throw api::transaction_open_refusal("a write statement run with Database::execute()");
  }
  std::optional<Result> answer;
  std::uint64_t ticket = 0;
  {
    std::unique_lock lock(versions->writer(), std::defer_lock);
    {
      const detail::WaitingCommits::Queued queued(waiting);  // the commits ahead leave their sync to this one
      lock.lock();
    }
    store::Graph& draft = versions->draft();
    const auto procedures = versions->procedures();
    const store::Graph::Mark mark = draft.mark();
    const InTransaction auto_commit{.graph = &draft, .procedures = procedures.get(), .auto_commit = true};
    try {
      answer = run_on(draft, *procedures, statement, params, source, &auto_commit);
      ticket = commit(draft, mark);
    } catch (...) {
      roll_back(draft, mark);
      throw;
    }
  }
  wait_durable(ticket);  // the writer lock let go: other threads' commits may share this one's sync
  return std::move(*answer);
}

std::optional<Result> Database::Impl::run_on(store::Graph& graph, const algo::ProcedureCatalog& procedures,
                                             const cypher::ast::Statement& statement, const Params& params,
                                             const text::SourcePtr& source, const InTransaction* tx) {
  bind::BindOutput bound = bind::bind(statement, bind::BindInput{.source = source,
                                                                      .graph = graph,
                                                                      .params = params,
                                                                      .procedures = &procedures});
  if (bound.plan.explain_only) {
    detail::RowChunks rows(1);
    std::string text = plan::explain(bound.plan);
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find('\n', start);
      *rows.append() = Value(text.substr(start, end - start));
      start = end == std::string::npos ? text.size() : end + 1;
    }
    return Result({"plan"}, std::move(rows), {}, detail::capture_elements(graph, detail::RowChunks(1)),
                  std::move(bound.warnings));
  }
  if (bound.plan.writes) {
    if (read_only_disk()) throw api::read_only_database_refusal(statement, *source, disk->directory().string());
    if (!tx) return std::nullopt;  // a version others read: the writer runs it on the draft
    if (tx->read_only) throw api::read_only_refusal(statement, *source);
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
  ctx.transaction_time = tx && !tx->auto_commit ? tx->started : ctx.statement_time;
  if (const std::int64_t ms = time_limit_ms.load(); ms > 0) {
    ctx.time_limit = std::chrono::milliseconds(ms);
    ctx.deadline = std::chrono::steady_clock::now() + ctx.time_limit;
  }
  ctx.memory.budget = memory_bytes.load();
  // The copy a load leaves running (ADR 0006 §4) has a core of its own:
  // splitting a query across that core too only makes it wait.
  ctx.threads = threads_to_use();
  if (ctx.threads > 1 && versions->copying_in_background()) --ctx.threads;
  if (bound.plan.reads_files) {
    std::lock_guard lock(import_mutex);
    ctx.import_directory = import_directory;
  }
  std::optional<ProfiledOperator> profile;  // PROFILE's annotated plan
  auto rows = exec::run_plan(bound.plan, ctx, &profile);
  // Adjacency: the next statement expands over what this one created.
  if (bound.plan.writes) graph.commit();
  // The rows' elements are copied now, so the Result answers from this
  // state whatever commits after (result_elements.hpp).
  auto elements = detail::capture_elements(graph, rows);
  return Result(std::move(bound.plan.columns), std::move(rows), ctx.stats, std::move(elements), std::move(bound.warnings),
                std::move(profile));
}

namespace {

// The statements of `query`, whose length was checked; throws its syntax error.
cypher::ParseResult parse_checked(std::string_view query, std::string_view source_name) {
  auto source = std::make_shared<text::SourceText>(std::string(source_name), std::string(query));
  cypher::ParseResult parsed = cypher::parse_cypher(source);
  if (!parsed.ok()) {
    const text::Diagnostic& d = parsed.error->diagnostic;
    throw error_from(d, ErrorKind::syntax_error).with_code(parsed.error->detail);
  }
  return parsed;
}

}  // namespace

cypher::ParseResult Database::Impl::parse(std::string_view query, std::string_view source_name) const {
  api::check_query_length(query, source_name, max_query_length.load());
  return parse_checked(query, source_name);
}

std::shared_ptr<const cypher::ParseResult> Database::Impl::parse_cached(std::string_view query,
                                                                         std::string_view source_name) const {
  api::check_query_length(query, source_name, max_query_length.load());
  if (auto parsed = parse_cache.find(source_name, query)) return parsed;
  auto parsed = std::make_shared<const cypher::ParseResult>(parse_checked(query, source_name));
  parse_cache.add(source_name, query, parsed);
  return parsed;
}

Result Database::execute(std::string_view query, const Params& params, std::string_view source_name) {
  return as_ergo_errors([&] {
    const std::shared_ptr<const cypher::ParseResult> parsed = impl_->parse_cached(query, source_name);
    Result last;
    for (const cypher::ast::Statement& statement : parsed->statements) {
      last = impl_->run(statement, params, parsed->source);
    }
    return last;
  });
}

void Database::set_query_cache_size(std::size_t texts) { impl_->parse_cache.set_capacity(texts); }

std::size_t Database::query_cache_size() const { return impl_->parse_cache.capacity(); }

void Database::interrupt() { impl_->interrupts.fetch_add(1); }

void Database::set_limits(const Limits& limits) {
  impl_->time_limit_ms.store(std::max<std::int64_t>(limits.time_limit_ms, 0));
  impl_->max_query_length.store(limits.max_query_length);
  impl_->memory_bytes.store(limits.memory_bytes);
}

void Database::set_threads(std::size_t threads) { impl_->threads.store(threads); }

std::size_t Database::threads() const { return impl_->threads_to_use(); }

std::size_t Database::Impl::threads_to_use() const {
  // Counted once: hardware_concurrency() reads /sys on every call, and
  // every statement asks (ExecContext::threads); a Q1 took 3x as long.
  static const std::size_t cores = std::max<std::size_t>(std::thread::hardware_concurrency(), 1);
  const std::size_t set = threads.load();
  return set != 0 ? set : cores;
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
  detail::ReadView view(*impl_->versions);
  return view.graph().live_node_count();
}

std::size_t Database::relationship_count() const {
  detail::ReadView view(*impl_->versions);
  return view.graph().live_relationship_count();
}

StorageStatistics Database::storage_statistics() const {
  const storage::DiskStore* disk = impl_->disk.get();
  if (!disk) return {};
  return {disk->commits(), disk->log_syncs(), disk->checkpoints()};
}

GraphStatistics Database::statistics() const {
  detail::ReadView view(*impl_->versions);
  const store::Graph& g = view.graph();
  return {g.live_node_count(), g.live_relationship_count(), g.labels_in_use(), g.property_count()};
}

Schema Database::schema() const {
  detail::ReadView view(*impl_->versions);
  return api::describe_schema(view.graph());
}

Result Database::find_by_name(std::string_view name) const {
  detail::ReadView view(*impl_->versions);
  detail::RowChunks rows(1);
  std::vector<store::NodeId> nodes = view.graph().find_by_name(name);
  std::sort(nodes.begin(), nodes.end());
  for (store::NodeId n : nodes) *rows.append() = Value(NodeRef{n});
  auto elements = detail::capture_elements(view.graph(), rows);
  return Result({"node"}, std::move(rows), {}, std::move(elements));
}

}  // namespace ergo
