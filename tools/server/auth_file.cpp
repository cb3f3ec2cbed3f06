#include "tools/server/auth_file.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace ergo::server {
namespace {

constexpr std::string_view kPasswordScheme = "pbkdf2-sha256";
constexpr std::string_view kTokenScheme = "token-sha256";
constexpr std::size_t kHashBytes = 32;

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("the system's random number generator failed");
  }
  return out;
}

std::string pbkdf2(std::string_view password, std::string_view salt, std::uint32_t iterations) {
  std::string out(kHashBytes, '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                        static_cast<int>(iterations), EVP_sha256(), static_cast<int>(out.size()),
                        reinterpret_cast<unsigned char*>(out.data())) != 1) {
    throw std::runtime_error("PBKDF2 failed");
  }
  return out;
}

std::string sha256(std::string_view data) {
  std::string out(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  std::string out(EVP_MAX_MD_SIZE, '\0');
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), reinterpret_cast<unsigned char*>(out.data()), &length);
  out.resize(length);
  return out;
}

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string base64(std::string_view raw) {
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(raw.data()), static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

std::optional<std::string> decode_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::string out(3 * text.size() / 4, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  std::size_t size = static_cast<std::size_t>(n);
  for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;  // DecodeBlock keeps the padding's zeros
  out.resize(size);
  return out;
}

namespace {

std::string hex(std::string_view raw) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::optional<std::string> unhex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    int value = 0;
    for (char c : text.substr(i, 2)) {
      const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                                                                : -1;
      if (d < 0) return std::nullopt;
      value = value * 16 + d;
    }
    out += static_cast<char>(value);
  }
  return out;
}

// Splits on '$'.
std::vector<std::string_view> fields(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('$', start);
    out.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace

bool valid_user_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '@';
  });
}

AuthFile AuthFile::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw AuthFileError(path + ": cannot read the auth file (create it with: ergo passwd " + path + " USER)");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

AuthFile AuthFile::parse(std::string_view text, const std::string& path) {
  AuthFile file;
  file.remembered_->key = random_bytes(32);
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](std::size_t column, const std::string& what) {
      return AuthFileError(path + ":" + std::to_string(line_number) + ":" + std::to_string(column + 1) + ": " + what +
                           "\n" + std::string(line) + "\n" + std::string(column, ' ') +
                           "^\nEntries are NAME:pbkdf2-sha256$... or NAME:token-sha256$...; write them with "
                           "ergo passwd " + path + " NAME");
    };
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) throw fail(0, "expected NAME:ENTRY");
    const std::string_view name = line.substr(0, colon);
    if (!valid_user_name(name)) throw fail(0, "a user name is 1-64 letters, digits and _ - . @");
    const std::string_view entry = line.substr(colon + 1);
    const std::vector<std::string_view> f = fields(entry);
    const std::size_t at = colon + 1;
    if (f[0] == kPasswordScheme) {
      if (f.size() != 4) throw fail(at, "a password entry is pbkdf2-sha256$ITERATIONS$SALT$HASH");
      std::uint32_t iterations = 0;
      for (char c : f[1]) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || iterations > 100'000'000) {
          throw fail(at + f[0].size() + 1, "the iteration count is not a number");
        }
        iterations = iterations * 10 + static_cast<std::uint32_t>(c - '0');
      }
      if (iterations == 0) throw fail(at + f[0].size() + 1, "the iteration count is not a number");
      auto salt = decode_base64(f[2]);
      auto hash = decode_base64(f[3]);
      if (!salt) throw fail(at + f[0].size() + f[1].size() + 2, "the salt is not base64");
      if (!hash || hash->size() != kHashBytes) {
        throw fail(at + f[0].size() + f[1].size() + f[2].size() + 3, "the hash is not 32 bytes of base64");
      }
      if (file.users_.count(name)) throw fail(0, "user '" + std::string(name) + "' has a password already");
      file.users_.emplace(std::string(name), Password{iterations, std::move(*salt), std::move(*hash)});
    } else if (f[0] == kTokenScheme) {
      auto hash = f.size() == 2 ? unhex(f[1]) : std::nullopt;
      if (!hash || hash->size() != kHashBytes) throw fail(at, "a token entry is token-sha256$HASH (64 hex digits)");
      file.tokens_.emplace(std::move(*hash), std::string(name));
    } else {
      throw fail(at, "unknown scheme '" + std::string(f[0]) + "'");
    }
  }
  return file;
}

bool AuthFile::check_password(std::string_view user, std::string_view password) const {
  auto it = users_.find(user);
  if (it == users_.end()) return false;
  // The pair under a key only this process knows: nothing in memory lets
  // anyone recover the password or test guesses faster than PBKDF2.
  std::string pair(user);
  pair += '\0';
  pair += password;
  Remembered& r = *remembered_;
  const std::string remembered = hmac_sha256(r.key, pair);
  {
    std::lock_guard lock(r.mutex);
    if (r.pairs.count(remembered)) return true;
  }
  const Password& p = it->second;
  if (!same(pbkdf2(password, p.salt, p.iterations), p.hash)) return false;
  std::lock_guard lock(r.mutex);
  if (r.pairs.size() < 10'000) r.pairs.insert(remembered);
  return true;
}

std::optional<std::string> AuthFile::check_token(std::string_view token) const {
  const std::string hash = sha256(token);
  for (const auto& [stored, name] : tokens_) {
    if (same(stored, hash)) return name;
  }
  return std::nullopt;
}

std::string password_entry(std::string_view name, std::string_view password, std::uint32_t iterations) {
  const std::string salt = random_bytes(16);
  return std::string(name) + ":" + std::string(kPasswordScheme) + "$" + std::to_string(iterations) + "$" +
         base64(salt) + "$" + base64(pbkdf2(password, salt, iterations));
}

TokenEntry token_entry(std::string_view name) {
  const std::string token = hex(random_bytes(32));
  return {token, std::string(name) + ":" + std::string(kTokenScheme) + "$" + hex(sha256(token))};
}

}  // namespace ergo::server
