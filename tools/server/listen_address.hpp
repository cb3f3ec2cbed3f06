// ADDR:PORT as the command line gives it ("127.0.0.1:7687", "[::1]:7687",
// "localhost:0" for any free port), and endpoints written back the same way.
#pragma once

#include <boost/asio/ip/tcp.hpp>

#include <string>

namespace ergo::server {

// Throws std::invalid_argument with a message for the user when `text` is
// not ADDR:PORT with a numeric address (or "localhost") and a port 0-65535.
boost::asio::ip::tcp::endpoint parse_listen_address(const std::string& text);

std::string endpoint_text(const boost::asio::ip::tcp::endpoint& endpoint);

}  // namespace ergo::server
