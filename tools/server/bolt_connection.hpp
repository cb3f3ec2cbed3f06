// One Bolt client on a socket: the handshake, then messages read, handled
// by a BoltSession and answered, one step at a time. Only one operation of
// a connection is ever pending, so its handlers never run concurrently even
// on the server's thread pool, and need no strand.
#pragma once

#include <boost/asio/ip/tcp.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tools/server/bolt_framing.hpp"
#include "tools/server/bolt_session.hpp"

namespace ergo::server {

struct ConnectionSettings {
  std::string server_agent;
  std::size_t max_message_bytes = 16u << 20;
  std::function<void(const std::string&)> log;
};

class BoltConnection : public std::enable_shared_from_this<BoltConnection> {
 public:
  BoltConnection(boost::asio::ip::tcp::socket socket, ergo::Database& db, const ConnectionSettings& settings,
                 std::uint64_t id);
  // `slot` is kept while the connection lives (the server's count of open
  // connections, see serve.cpp).
  void hold(std::shared_ptr<void> slot) { slot_ = std::move(slot); }
  void start();

 private:
  void on_handshake(const boost::system::error_code& ec);
  void read_more();
  void process();
  void write(std::vector<std::string> responses);
  void close(const std::string& why);

  boost::asio::ip::tcp::socket socket_;
  ergo::Database& db_;
  const ConnectionSettings& settings_;
  std::string name_;  // "bolt-3"
  std::string peer_;
  std::chrono::steady_clock::time_point opened_ = std::chrono::steady_clock::now();
  std::array<char, kHandshakeSize> handshake_{};
  std::array<char, 64 * 1024> input_{};
  std::string output_;
  Dechunker dechunker_;
  std::optional<BoltSession> session_;
  bool closed_ = false;
  std::shared_ptr<void> slot_;
};

}  // namespace ergo::server
