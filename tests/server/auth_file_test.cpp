// The auth file of `ergo serve --auth-file`: entries written by
// password_entry()/token_entry() read back and check, wrong secrets fail,
// and a bad line is refused with its place.
#include "tools/server/auth_file.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace ergo::server;

namespace {

std::string error_of(const std::string& text) {
  try {
    AuthFile::parse(text, "users");
  } catch (const AuthFileError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(AuthFile, PasswordsCheckAgainstTheirSaltedHashes) {
  const std::string alice = password_entry("alice", "correct horse 비밀", 1000);
  const std::string bob = password_entry("bob", "correct horse 비밀", 1000);
  // Same password, different salts: different entries.
  EXPECT_NE(alice.substr(alice.find('$')), bob.substr(bob.find('$')));
  EXPECT_EQ(alice.rfind("alice:pbkdf2-sha256$1000$", 0), 0u);
  const AuthFile file = AuthFile::parse("# users\n\n" + alice + "\r\n" + bob + "\n", "users");
  EXPECT_EQ(file.entries(), 2u);
  EXPECT_TRUE(file.check_password("alice", "correct horse 비밀"));
  EXPECT_TRUE(file.check_password("alice", "correct horse 비밀"));  // the second time from memory
  EXPECT_TRUE(file.check_password("bob", "correct horse 비밀"));
  EXPECT_FALSE(file.check_password("alice", "correct horse"));
  EXPECT_FALSE(file.check_password("alice", ""));
  EXPECT_FALSE(file.check_password("carol", "correct horse 비밀"));
  EXPECT_FALSE(file.check_password("", ""));
}

TEST(AuthFile, TokensCheckAgainstTheirHashes) {
  const TokenEntry entry = token_entry("ci-bot");
  EXPECT_EQ(entry.token.size(), 64u);
  EXPECT_EQ(entry.line.find(entry.token), std::string::npos);  // the file never holds the token itself
  const AuthFile file = AuthFile::parse(entry.line + "\n", "users");
  EXPECT_EQ(file.check_token(entry.token), std::optional<std::string>("ci-bot"));
  EXPECT_EQ(file.check_token(entry.token.substr(1)), std::nullopt);
  EXPECT_EQ(file.check_token(""), std::nullopt);
  EXPECT_FALSE(file.check_password("ci-bot", entry.token));  // a token is not a password
}

TEST(AuthFile, ABadLineIsRefusedWithItsPlace) {
  EXPECT_EQ(error_of("alice\n"),
            "users:1:1: expected NAME:ENTRY\nalice\n^\nEntries are NAME:pbkdf2-sha256$... or "
            "NAME:token-sha256$...; write them with ergo passwd users NAME");
  EXPECT_EQ(error_of("# ok\nalice:md5$abc\n").substr(0, 54), "users:2:7: unknown scheme 'md5'\nalice:md5$abc\n      ^\n");
  EXPECT_EQ(error_of("alice:pbkdf2-sha256$x$AAAA$AAAA\n").substr(0, 48),
            "users:1:21: the iteration count is not a number\n");
  EXPECT_EQ(error_of("alice:pbkdf2-sha256$10$AAAA$AAAA\n").substr(0, 48),
            "users:1:29: the hash is not 32 bytes of base64\na");
  EXPECT_EQ(error_of("al ice:token-sha256$00\n").substr(0, 53), "users:1:1: a user name is 1-64 letters, digits and _ ");
  EXPECT_EQ(error_of("bot:token-sha256$zz\n").substr(0, 62),
            "users:1:5: a token entry is token-sha256$HASH (64 hex digits)\n");
  const std::string twice = password_entry("alice", "a", 1) + "\n" + password_entry("alice", "b", 1) + "\n";
  EXPECT_EQ(error_of(twice).substr(0, 44), "users:2:1: user 'alice' has a password alrea");
  EXPECT_EQ(AuthFile::parse("", "users").entries(), 0u);
}

TEST(AuthFile, Base64AsHttpBasicSendsIt) {
  EXPECT_EQ(decode_base64("YWxpY2U6c2VrcmV0"), std::optional<std::string>("alice:sekret"));
  EXPECT_EQ(decode_base64("YQ=="), std::optional<std::string>("a"));
  EXPECT_EQ(decode_base64("YWI="), std::optional<std::string>("ab"));
  EXPECT_EQ(decode_base64("YWJj"), std::optional<std::string>("abc"));
  EXPECT_EQ(decode_base64("not base64!"), std::nullopt);
  EXPECT_EQ(decode_base64(""), std::nullopt);
}

TEST(AuthFile, UserNames) {
  EXPECT_TRUE(valid_user_name("alice"));
  EXPECT_TRUE(valid_user_name("ci-bot.2@example.com"));
  EXPECT_FALSE(valid_user_name(""));
  EXPECT_FALSE(valid_user_name("a:b"));
  EXPECT_FALSE(valid_user_name("a b"));
  EXPECT_FALSE(valid_user_name(std::string(65, 'a')));
}
