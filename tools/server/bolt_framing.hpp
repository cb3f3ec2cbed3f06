// Bolt's transport framing: a message travels as chunks, each a two-byte
// big-endian size and that many bytes, ended by a chunk of size zero
// (neo4j.com/docs/bolt/current/bolt/message/#chunking). A zero-size chunk
// with no message before it is a keep-alive (NOOP) and carries nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ergo::server {

class FramingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reassembles messages from bytes as they arrive.
class Dechunker {
 public:
  explicit Dechunker(std::size_t max_message_bytes) : max_message_(max_message_bytes) {}

  void feed(std::string_view bytes) { buffer_.append(bytes); }
  // The next complete message, or nullopt until more bytes arrive. Throws
  // FramingError when a message grows beyond the maximum size.
  std::optional<std::string> next();
  // Bytes received and not yet part of a returned message.
  std::size_t buffered() const { return buffer_.size() - pos_; }

 private:
  std::string buffer_;
  std::size_t pos_ = 0;      // start of the unread part of buffer_
  std::string message_;      // chunks of the message being assembled
  std::size_t max_message_;
};

// `message` as chunks of at most 65,535 bytes and the end marker, appended to `out`.
void append_chunked(std::string& out, std::string_view message);

}  // namespace ergo::server
