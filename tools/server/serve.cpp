#include "tools/server/serve.hpp"

#include <ergo/ergo.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "tools/common/limit_values.hpp"
#include "tools/server/bolt_connection.hpp"
#include "tools/server/http_connection.hpp"
#include "tools/server/listen_address.hpp"
#include "tools/server/tls_stream.hpp"

namespace ergo::server {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

struct ServeOptions {
  std::vector<std::string> sources;
  std::string bolt = "127.0.0.1:7687";
  std::string http = "127.0.0.1:7474";
  std::size_t threads = std::max(4u, std::thread::hardware_concurrency());
  std::size_t max_connections = 1000;
  // A server sets a time limit by default (the shell does not): one client's
  // runaway query must not hold a thread for ever. 0 in each: no limit.
  ergo::Limits limits{.time_limit_ms = 60'000};
  std::string import_dir;  // where LOAD CSV reads; "" refuses it
  std::string db;          // --db: the database kept in this directory
  std::string auth_file;   // --auth-file: who may connect
  std::string tls_cert, tls_key;  // --tls-cert, --tls-key: TLS on both ports
  // An explicit transaction holds the database's lock between its client's
  // messages: one left idle this long is rolled back.
  std::chrono::milliseconds transaction_timeout{60'000};
  // A Bolt connection idle this long is closed (drivers open a new one).
  std::chrono::milliseconds idle_timeout{600'000};
  bool help = false;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

ServeOptions parse(const std::vector<std::string>& args) {
  ServeOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    // SECONDS, fractions allowed; 0 for no limit.
    auto seconds = [&]() {
      const std::string& n = value();
      auto limit = tools::parse_timeout(n);
      if (!limit) throw UsageError(tools::timeout_refused(a, n));
      return *limit;
    };
    if (a == "-h" || a == "--help") {
      o.help = true;
    } else if (a == "--bolt") {
      o.bolt = value();
    } else if (a == "--http") {
      o.http = value();
    } else if (a == "--max-connections") {
      const std::string& n = value();
      try {
        std::size_t used = 0;
        const unsigned long v = std::stoul(n, &used);
        if (used != n.size() || v == 0 || v > 100000) throw std::invalid_argument(n);
        o.max_connections = v;
      } catch (const std::exception&) {
        throw UsageError("--max-connections: '" + n + "' is not a number from 1 to 100000");
      }
    } else if (a == "--threads") {
      const std::string& n = value();
      try {
        std::size_t used = 0;
        const unsigned long v = std::stoul(n, &used);
        if (used != n.size() || v == 0 || v > 256) throw std::invalid_argument(n);
        o.threads = v;
      } catch (const std::exception&) {
        throw UsageError("--threads: '" + n + "' is not a number from 1 to 256");
      }
    } else if (a == "--timeout") {
      o.limits.time_limit_ms = seconds().count();
    } else if (a == "--tls-cert") {
      o.tls_cert = value();
    } else if (a == "--tls-key") {
      o.tls_key = value();
    } else if (a == "--auth-file") {
      o.auth_file = value();
      if (o.auth_file.empty()) throw UsageError("--auth-file needs a file name");
    } else if (a == "--db") {
      o.db = value();
      if (o.db.empty()) throw UsageError("--db needs a directory name");
    } else if (a == "--idle-timeout") {
      o.idle_timeout = seconds();
    } else if (a == "--transaction-timeout") {
      o.transaction_timeout = seconds();
    } else if (a == "--max-memory") {
      const std::string& n = value();
      auto bytes = tools::parse_size(n);
      if (!bytes) throw UsageError(tools::size_refused(a, n));
      o.limits.memory_bytes = *bytes;
    } else if (a == "--import-dir") {
      o.import_dir = value();
      if (o.import_dir.empty()) throw UsageError("--import-dir needs a directory name");
    } else if (a == "--max-query-length") {
      const std::string& n = value();
      auto bytes = tools::parse_byte_count(n);
      if (!bytes) throw UsageError(tools::byte_count_refused(a, n));
      o.limits.max_query_length = *bytes;
    } else if (!a.empty() && a[0] == '-') {
      throw UsageError("unknown option '" + a + "'");
    } else {
      o.sources.push_back(a);
    }
  }
  return o;
}

// Serializes log lines from the pool's threads.
void log_line(const std::string& line) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::cerr << "ergo serve: " << line << std::endl;
}

// How many connections are open, Bolt and HTTP together. Each connection
// holds the slot acquire() gave it; the last copy's release frees it.
class ConnectionLimit {
 public:
  explicit ConnectionLimit(std::size_t max) : max_(max) {}
  // A slot, or nullptr when `max` connections are open.
  std::shared_ptr<void> acquire() {
    std::size_t n = open_.load();
    do {
      if (n >= max_) return nullptr;
    } while (!open_.compare_exchange_weak(n, n + 1));
    return std::shared_ptr<void>(static_cast<void*>(this), [this](void*) { --open_; });
  }
  std::size_t max() const { return max_; }

 private:
  std::size_t max_;
  std::atomic<std::size_t> open_{0};
};

// Accepts connections on one address and hands each socket, numbered, to
// `open` (a Bolt or an HTTP connection).
class Acceptor {
 public:
  using Open = std::function<void(tcp::socket, std::uint64_t)>;
  Acceptor(asio::io_context& io, const tcp::endpoint& at, Open open)
      : io_(io), acceptor_(io, at), retry_(io), open_(std::move(open)) {}
  tcp::endpoint local() const { return acceptor_.local_endpoint(); }
  void accept() {
    // Each connection on a strand of its own: its reads, writes and timers
    // never run at once, though the I/O threads are several.
    acceptor_.async_accept(asio::make_strand(io_), [this](const boost::system::error_code& ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;  // stopping
      if (!ec) {
        // Answers are small and the client waits for each: without this,
        // Nagle's algorithm holds a reply back until the client's delayed
        // ACK, some 40 ms a round trip.
        boost::system::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        open_(std::move(socket), ++count_);
        return accept();
      }
      // Out of file descriptors, typically: say so, and try again a little
      // later instead of spinning on the same error.
      log_line("cannot accept a connection: " + ec.message());
      retry_.expires_after(std::chrono::milliseconds(100));
      retry_.async_wait([this](const boost::system::error_code& wait) {
        if (!wait) accept();
      });
    });
  }
  void stop() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    retry_.cancel();
  }

 private:
  asio::io_context& io_;
  tcp::acceptor acceptor_;
  asio::steady_timer retry_;
  Open open_;
  std::uint64_t count_ = 0;  // only touched by this acceptor's one pending accept
};

}  // namespace

std::string serve_usage() {
  return "Usage: ergo serve [--db DIR] [SOURCES...] [--bolt ADDR:PORT] [--http ADDR:PORT] [OPTIONS]\n"
         "Serves the bundled graph (or the database kept in DIR, with the .kg files and\n"
         "directories SOURCES added to it) over Bolt 5.0-5.4, for Neo4j drivers and tools\n"
         "(bolt://127.0.0.1:7687 or neo4j://127.0.0.1:7687), and over HTTP as Neo4j's Query API\n"
         "(POST http://127.0.0.1:7474/db/neo4j/query/v2), with a web page to query and draw the\n"
         "graph at http://127.0.0.1:7474/.\n"
         "\n"
         "  --db DIR          keep the graph in DIR, created when missing: every committed\n"
         "                    change is on disk before the client hears of it (docs/storage.md)\n"
         "  --bolt ADDR:PORT  where Bolt listens (default 127.0.0.1:7687; port 0: any free port)\n"
         "  --http ADDR:PORT  where HTTP listens (default 127.0.0.1:7474)\n"
         "                    Other addresses than loopback need --auth-file.\n"
         "  --auth-file FILE  let in only the users and tokens in FILE (written by ergo passwd):\n"
         "                    Bolt LOGON basic or bearer, HTTP Authorization Basic or Bearer\n"
         "  --tls-cert FILE --tls-key FILE\n"
         "                    speak TLS on both ports with this certificate chain and private\n"
         "                    key (PEM): bolt+s://, neo4j+s://, https://\n"
         "  --threads N       threads that run queries (default: the number of cores, at least 4)\n"
         "  --max-connections N\n"
         "                    open connections, Bolt and HTTP together (default 1000);\n"
         "                    a client beyond them is disconnected at once\n"
         "  --timeout SECONDS stop any statement that runs longer (default 60; 0: no limit)\n"
         "  --transaction-timeout SECONDS\n"
         "                    roll back an explicit transaction whose client sends nothing\n"
         "                    for this long (default 60; 0: no limit)\n"
         "  --idle-timeout SECONDS\n"
         "                    close a Bolt connection that sends nothing, or reads nothing of\n"
         "                    what it is sent, for this long (default 600; 0: no limit)\n"
         "  --max-memory SIZE memory one statement may hold, e.g. 512M (default: no limit)\n"
         "  --max-query-length BYTES\n"
         "                    the longest query text accepted (default 1048576; 0: no limit)\n"
         "  --import-dir DIR  let LOAD CSV read the files in DIR (default: LOAD CSV refused)\n"
         "  -h, --help        this text\n"
         "\n"
         "Logs one line per connection and per failed query to standard error; stops on\n"
         "SIGINT or SIGTERM. See docs/server.md.\n";
}

int serve_main(const std::vector<std::string>& args, const std::optional<std::string>& bundled_data,
               const std::string& version) {
  ServeOptions options;
  tcp::endpoint bolt_at, http_at;
  try {
    options = parse(args);
    if (options.help) {
      std::cout << serve_usage();
      return 0;
    }
    if (options.tls_cert.empty() != options.tls_key.empty()) {
      throw UsageError(options.tls_cert.empty() ? "--tls-key needs --tls-cert FILE too (the certificate, PEM)"
                                                : "--tls-cert needs --tls-key FILE too (its private key, PEM)");
    }
    bolt_at = parse_listen_address(options.bolt);
    http_at = parse_listen_address(options.http);
    for (const auto& [option, at, text] : {std::tuple{"--bolt", bolt_at, options.bolt}, std::tuple{"--http", http_at, options.http}}) {
      if (!at.address().is_loopback() && options.auth_file.empty()) {
        throw UsageError(std::string(option) + " " + text +
                         ": ergo serve listens beyond loopback addresses only with authentication; add "
                         "--auth-file FILE (write it with: ergo passwd FILE USER)");
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "ergo serve: " << e.what() << "\nTry 'ergo serve --help' for more information.\n";
    return 2;
  }

  std::optional<AuthFile> auth;
  if (!options.auth_file.empty()) {
    try {
      auth.emplace(AuthFile::read(options.auth_file));
    } catch (const std::exception& e) {
      std::cerr << "ergo serve: " << e.what() << "\n";
      return 1;
    }
    if (auth->entries() == 0) {
      std::cerr << "ergo serve: " << options.auth_file
                << " has no users or tokens, so nobody could connect; add one with: ergo passwd "
                << options.auth_file << " USER\n";
      return 1;
    }
    log_line("authentication: " + std::to_string(auth->entries()) + " users and tokens from " + options.auth_file);
  }

  std::shared_ptr<asio::ssl::context> tls;
  if (!options.tls_cert.empty()) {
    try {
      tls = tls_server_context(options.tls_cert, options.tls_key);
    } catch (const std::exception& e) {
      std::cerr << "ergo serve: " << e.what() << "\n";
      return 1;
    }
    log_line("TLS on both ports (bolt+s://, neo4j+s://, https://) with the certificate in " + options.tls_cert);
  }

  std::vector<std::string> sources = options.sources;
  if (sources.empty() && options.db.empty()) {
    if (!bundled_data) {
      std::cerr << "ergo serve: cannot find the bundled data directory; name a .kg file or directory\n";
      return 1;
    }
    sources.push_back(*bundled_data);
  }
  ergo::Database db;
  if (!options.db.empty()) {
    try {
      db = ergo::Database::open_directory(options.db);
    } catch (const ergo::Error& e) {
      std::cerr << "ergo serve: " << e.message() << "\n";
      return 1;
    }
    const ergo::GraphStatistics kept = db.statistics();
    log_line("opened " + db.directory() + ": " + std::to_string(kept.nodes) + " nodes and " +
             std::to_string(kept.relationships) + " relationships");
  }
  db.set_limits(options.limits);
  db.set_import_directory(options.import_dir);
  try {
    if (!sources.empty()) {
      const ergo::LoadSummary loaded = db.load(sources);
      for (const std::string& w : loaded.warnings) std::cerr << w;
      log_line("loaded " + std::to_string(loaded.entities) + " entities and " +
               std::to_string(loaded.relationships) + " relationships from " + std::to_string(loaded.files) +
               (loaded.files == 1 ? " file" : " files"));
    }
  } catch (const ergo::Error& e) {
    std::cerr << (e.rendered().empty() ? "ergo serve: " + e.message() + "\n" : e.rendered());
    return 1;
  }

  // The I/O threads only move bytes and never wait for the database; the
  // statements run on the query pool, a transaction on its connection's own
  // thread (bound_thread.hpp). So a transaction waiting for its client never
  // stops anyone's bytes — its COMMIT included — from getting through.
  asio::thread_pool queries(options.threads);
  const AuthFile* users = auth ? &*auth : nullptr;
  ConnectionSettings settings{"ergo/" + version, 16u << 20, log_line, &queries, users, tls,
                              options.transaction_timeout, options.idle_timeout};
  HttpSettings http_settings{"ergo/" + version, 16u << 20, log_line, &queries, users, tls};
  ConnectionLimit limit(options.max_connections);
  // A client over the limit is disconnected at once, before any protocol.
  auto admit = [&](tcp::socket& socket, const char* kind) {
    std::shared_ptr<void> slot = limit.acquire();
    if (!slot) {
      boost::system::error_code ec;
      auto peer = socket.remote_endpoint(ec);
      log_line(std::string("refused a ") + kind + " connection from " + (ec ? "?" : endpoint_text(peer)) + ": " +
               std::to_string(limit.max()) + " connections are open (--max-connections)");
      socket.close(ec);
    }
    return slot;
  };
  // The Bolt connections, so that stopping can roll back their transactions.
  std::mutex bolt_mutex;
  std::vector<std::weak_ptr<BoltConnection>> bolt_connections;
  asio::io_context io;
  std::unique_ptr<Acceptor> bolt, http;
  const std::string* binding = &options.bolt;
  try {
    bolt = std::make_unique<Acceptor>(io, bolt_at, [&](tcp::socket socket, std::uint64_t id) {
      std::shared_ptr<void> slot = admit(socket, "Bolt");
      if (!slot) return;
      auto connection = std::make_shared<BoltConnection>(std::move(socket), db, settings, id);
      connection->hold(std::move(slot));
      {
        std::lock_guard lock(bolt_mutex);
        std::erase_if(bolt_connections, [](const auto& c) { return c.expired(); });
        bolt_connections.push_back(connection);
      }
      connection->start();
    });
    binding = &options.http;
    http = std::make_unique<Acceptor>(io, http_at, [&](tcp::socket socket, std::uint64_t id) {
      std::shared_ptr<void> slot = admit(socket, "HTTP");
      if (!slot) return;
      auto connection = std::make_shared<HttpConnection>(std::move(socket), db, http_settings, id);
      connection->hold(std::move(slot));
      connection->start();
    });
  } catch (const boost::system::system_error& e) {
    std::cerr << "ergo serve: cannot listen on " << *binding << ": " << e.code().message() << "\n";
    return 1;
  }
  bolt->accept();
  http->accept();
  log_line("Bolt listening on " + endpoint_text(bolt->local()) + ", HTTP on " + endpoint_text(http->local()) + " (" +
           std::to_string(options.threads) + " query threads)");

  // SIGINT/SIGTERM: stop accepting, end running queries, and leave run();
  // open connections are closed as the io_context goes away.
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log_line(std::string("stopping (") + (signal == SIGINT ? "SIGINT" : "SIGTERM") + ")");
    bolt->stop();
    http->stop();
    db.interrupt();
    io.stop();
  });

  std::thread second_io([&io] { io.run(); });
  io.run();
  second_io.join();
  // Open transactions are rolled back where they run, which also lets go of
  // statements waiting for their lock; then the pool's statements end (the
  // interrupt stops long ones).
  std::vector<std::shared_ptr<BoltConnection>> open;
  {
    std::lock_guard lock(bolt_mutex);
    for (const auto& weak : bolt_connections) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  // All first, then wait: a BEGIN may be waiting for another's lock.
  for (const auto& connection : open) connection->abandon();
  for (const auto& connection : open) connection->wait_until_idle();
  queries.join();
  // Nothing runs any more: each connection still open is closed with its
  // log line, before the last one.
  for (const auto& connection : open) connection->close("the server stopped");
  open.clear();
  log_line("stopped");
  return 0;
}

}  // namespace ergo::server
