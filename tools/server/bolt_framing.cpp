#include "tools/server/bolt_framing.hpp"

#include <algorithm>

namespace ergo::server {

std::optional<std::string> Dechunker::next() {
  for (;;) {
    if (buffer_.size() - pos_ < 2) break;
    const std::size_t size = (static_cast<std::uint8_t>(buffer_[pos_]) << 8) | static_cast<std::uint8_t>(buffer_[pos_ + 1]);
    if (size == 0) {
      pos_ += 2;
      if (message_.empty()) continue;  // NOOP
      std::string done = std::move(message_);
      message_.clear();
      return done;
    }
    if (buffer_.size() - pos_ < 2 + size) break;
    if (message_.size() + size > max_message_) {
      throw FramingError("a message larger than " + std::to_string(max_message_) + " bytes");
    }
    message_.append(buffer_, pos_ + 2, size);
    pos_ += 2 + size;
  }
  // Drop what was consumed once it is most of the buffer, so the buffer
  // holds at most one chunk's worth of unread bytes plus what arrived.
  if (pos_ > 0 && pos_ * 2 >= buffer_.size()) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  return std::nullopt;
}

void append_chunked(std::string& out, std::string_view message) {
  while (!message.empty()) {
    const std::size_t n = std::min<std::size_t>(message.size(), 0xFFFF);
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(n & 0xFF));
    out.append(message.substr(0, n));
    message.remove_prefix(n);
  }
  out.append("\0\0", 2);
}

}  // namespace ergo::server
