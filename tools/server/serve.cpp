#include "tools/server/serve.hpp"

#include <ergo/ergo.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "tools/server/bolt_connection.hpp"
#include "tools/server/listen_address.hpp"

namespace ergo::server {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

struct ServeOptions {
  std::vector<std::string> sources;
  std::string bolt = "127.0.0.1:7687";
  std::size_t threads = std::max(4u, std::thread::hardware_concurrency());
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
    if (a == "-h" || a == "--help") {
      o.help = true;
    } else if (a == "--bolt") {
      o.bolt = value();
    } else if (a == "--http") {
      value();
      throw UsageError("--http: the HTTP endpoint is not built yet; ergo serve speaks Bolt only (docs/server.md)");
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

class Acceptor {
 public:
  Acceptor(asio::io_context& io, const tcp::endpoint& at, ergo::Database& db, const ConnectionSettings& settings)
      : acceptor_(io, at), db_(db), settings_(settings) {}
  tcp::endpoint local() const { return acceptor_.local_endpoint(); }
  void accept() {
    acceptor_.async_accept([this](const boost::system::error_code& ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;  // stopping
      if (!ec) std::make_shared<BoltConnection>(std::move(socket), db_, settings_, ++count_)->start();
      accept();
    });
  }
  void stop() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
  }

 private:
  tcp::acceptor acceptor_;
  ergo::Database& db_;
  const ConnectionSettings& settings_;
  std::atomic<std::uint64_t> count_{0};
};

}  // namespace

std::string serve_usage() {
  return "Usage: ergo serve [SOURCES...] [--bolt ADDR:PORT] [--threads N]\n"
         "Serves the bundled graph (or the .kg files and directories SOURCES) over Bolt 5.0-5.4,\n"
         "for Neo4j drivers and tools: bolt://127.0.0.1:7687 or neo4j://127.0.0.1:7687.\n"
         "\n"
         "  --bolt ADDR:PORT  where to listen (default 127.0.0.1:7687; port 0: any free port).\n"
         "                    Loopback addresses only: ergo serve has no authentication yet.\n"
         "  --threads N       threads that run queries (default: the number of cores, at least 4)\n"
         "  -h, --help        this text\n"
         "\n"
         "Logs one line per connection and per failed query to standard error; stops on\n"
         "SIGINT or SIGTERM. See docs/server.md.\n";
}

int serve_main(const std::vector<std::string>& args, const std::optional<std::string>& bundled_data,
               const std::string& version) {
  ServeOptions options;
  tcp::endpoint bolt_at;
  try {
    options = parse(args);
    if (options.help) {
      std::cout << serve_usage();
      return 0;
    }
    bolt_at = parse_listen_address(options.bolt);
    if (!bolt_at.address().is_loopback()) {
      throw UsageError("--bolt " + options.bolt +
                       ": ergo serve listens on loopback addresses only, because it has no authentication yet");
    }
  } catch (const std::exception& e) {
    std::cerr << "ergo serve: " << e.what() << "\nTry 'ergo serve --help' for more information.\n";
    return 2;
  }

  std::vector<std::string> sources = options.sources;
  if (sources.empty()) {
    if (!bundled_data) {
      std::cerr << "ergo serve: cannot find the bundled data directory; name a .kg file or directory\n";
      return 1;
    }
    sources.push_back(*bundled_data);
  }
  ergo::Database db;
  try {
    const ergo::LoadSummary loaded = db.load(sources);
    for (const std::string& w : loaded.warnings) std::cerr << w;
    log_line("loaded " + std::to_string(loaded.entities) + " entities and " + std::to_string(loaded.relationships) +
             " relationships from " + std::to_string(loaded.files) + (loaded.files == 1 ? " file" : " files"));
  } catch (const ergo::Error& e) {
    std::cerr << (e.rendered().empty() ? "ergo serve: " + e.message() + "\n" : e.rendered());
    return 1;
  }

  ConnectionSettings settings{"ergo/" + version, 16u << 20, log_line};
  asio::io_context io;
  std::unique_ptr<Acceptor> acceptor;
  try {
    acceptor = std::make_unique<Acceptor>(io, bolt_at, db, settings);
  } catch (const boost::system::system_error& e) {
    std::cerr << "ergo serve: cannot listen on " << options.bolt << ": " << e.code().message() << "\n";
    return 1;
  }
  acceptor->accept();
  log_line("Bolt listening on " + endpoint_text(acceptor->local()) + " (" + std::to_string(options.threads) +
           " threads)");

  // SIGINT/SIGTERM: stop accepting, end running queries, and leave run();
  // open connections are closed as the io_context goes away.
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log_line(std::string("stopping (") + (signal == SIGINT ? "SIGINT" : "SIGTERM") + ")");
    acceptor->stop();
    db.interrupt();
    io.stop();
  });

  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < options.threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (std::thread& t : pool) t.join();
  log_line("stopped");
  return 0;
}

}  // namespace ergo::server
