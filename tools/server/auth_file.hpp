// The users and tokens `ergo serve --auth-file FILE` accepts, and the one
// routine that writes their entries (`ergo passwd`). One entry per line:
//
//   NAME:pbkdf2-sha256$ITERATIONS$SALT$HASH   a password (SALT, HASH base64)
//   NAME:token-sha256$HASH                    a bearer token (HASH hex)
//
// Blank lines and lines starting with '#' are comments. Passwords are kept
// only as salted PBKDF2-HMAC-SHA256 hashes, tokens (random, 32 bytes) as
// SHA-256 hashes, so the file reveals neither; docs/server.md, Security.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ergo::server {

// The file cannot be read, or a line is not an entry: says file:line:column.
struct AuthFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class AuthFile {
 public:
  // Reads FILE; throws AuthFileError naming the file, line and column of
  // the first line that is not an entry, or why the file cannot be read.
  static AuthFile read(const std::string& path);
  // The entries of `text`, as if read from a file named `path`.
  static AuthFile parse(std::string_view text, const std::string& path);

  // The user whose password this is, checked against the salted hash.
  // Checking costs a PBKDF2 run (tens of milliseconds, on purpose); a pair
  // that passed once is remembered, under a keyed hash only, so that an
  // HTTP client sending it with every request does not pay again.
  bool check_password(std::string_view user, std::string_view password) const;
  // The name of the entry whose token this is, if any.
  std::optional<std::string> check_token(std::string_view token) const;

  std::size_t entries() const { return users_.size() + tokens_.size(); }

 private:
  struct Password {
    std::uint32_t iterations = 0;
    std::string salt;  // raw bytes
    std::string hash;  // raw bytes
  };
  std::map<std::string, Password, std::less<>> users_;
  std::map<std::string, std::string, std::less<>> tokens_;  // SHA-256 (raw) -> name
  struct Remembered {
    std::mutex mutex;
    std::set<std::string> pairs;  // keyed hashes of pairs that passed
    std::string key;              // random, this process only
  };
  std::unique_ptr<Remembered> remembered_ = std::make_unique<Remembered>();
};

// The entry line (without newline) for NAME with PASSWORD: a fresh random
// salt, PBKDF2-HMAC-SHA256 with `iterations` rounds.
std::string password_entry(std::string_view name, std::string_view password, std::uint32_t iterations = 210'000);
// A new random bearer token (64 hex digits) and its entry line for NAME.
struct TokenEntry {
  std::string token;
  std::string line;
};
TokenEntry token_entry(std::string_view name);

// Standard base64 (with padding) decoded; nullopt when it is not base64.
// HTTP Basic credentials arrive this way.
std::optional<std::string> decode_base64(std::string_view text);

// A user name fit for an entry: 1-64 of letters, digits, '_', '-', '.', '@'.
bool valid_user_name(std::string_view name);

}  // namespace ergo::server
