#include "tools/server/passwd.hpp"

#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/server/auth_file.hpp"

namespace ergo::server {
namespace {

const char* kUsage =
    "Usage: ergo passwd FILE USER            set USER's password (read from standard input)\n"
    "       ergo passwd --token FILE NAME    add a bearer token for NAME, printed once\n"
    "       ergo passwd --delete FILE NAME   remove NAME's password and tokens\n"
    "Writes the auth file that `ergo serve --auth-file FILE` reads: passwords as salted\n"
    "PBKDF2-SHA256 hashes, tokens as SHA-256 hashes, one entry per line; the file is\n"
    "created readable by its owner only. On a terminal the password is asked twice,\n"
    "without echo; otherwise the first line of standard input is the password.\n"
    "See docs/server.md, Security.\n";

// The password: asked twice without echo on a terminal, else one line.
std::optional<std::string> read_password(const std::string& user) {
  std::string first;
  if (!isatty(STDIN_FILENO)) {
    if (!std::getline(std::cin, first)) return std::nullopt;
    if (!first.empty() && first.back() == '\r') first.pop_back();
    return first;
  }
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::string second;
  std::cerr << "Password for " << user << ": " << std::flush;
  const bool got_first = static_cast<bool>(std::getline(std::cin, first));
  std::cerr << "\nAgain: " << std::flush;
  const bool got_second = got_first && std::getline(std::cin, second);
  std::cerr << "\n";
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  if (!got_second) return std::nullopt;
  if (first != second) {
    std::cerr << "ergo passwd: the two passwords differ; nothing was changed\n";
    return std::nullopt;
  }
  return first;
}

// The file's lines without those for `name` (all of them when `keep_tokens`
// is false, else only its password).
std::vector<std::string> lines_without(const std::string& path, const std::string& name, bool keep_tokens) {
  std::vector<std::string> out;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    const bool ours = line.rfind(name + ":", 0) == 0;
    const bool token = line.find(":token-sha256$") != std::string::npos;
    if (ours && (!keep_tokens || !token)) continue;
    out.push_back(line);
  }
  return out;
}

// Replaces the file with `lines`, owner-only, through a renamed temporary
// so that a reader sees the old file or the new one, never half of one.
bool write_lines(const std::string& path, const std::vector<std::string>& lines) {
  const std::string temporary = path + ".tmp";
  const mode_t old_mask = umask(077);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    for (const std::string& l : lines) out << l << '\n';
    out.flush();
    if (!out) {
      umask(old_mask);
      std::cerr << "ergo passwd: cannot write " << temporary << "\n";
      std::remove(temporary.c_str());
      return false;
    }
  }
  umask(old_mask);
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::cerr << "ergo passwd: cannot replace " << path << ": " << ec.message() << "\n";
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace

int passwd_main(const std::vector<std::string>& args) {
  enum class Action { password, token, remove } action = Action::password;
  std::vector<std::string> words;
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (a == "--token") {
      action = Action::token;
    } else if (a == "--delete") {
      action = Action::remove;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "ergo passwd: unknown option '" << a << "'\n" << kUsage;
      return 2;
    } else {
      words.push_back(a);
    }
  }
  if (words.size() != 2) {
    std::cerr << "ergo passwd: expected FILE and USER\n" << kUsage;
    return 2;
  }
  const std::string& path = words[0];
  const std::string& name = words[1];
  if (!valid_user_name(name)) {
    std::cerr << "ergo passwd: '" << name << "' is not a user name: use 1-64 letters, digits and _ - . @\n";
    return 2;
  }
  if (std::filesystem::exists(path)) {
    try {
      AuthFile::read(path);  // never rewrite a file that is not an auth file
    } catch (const AuthFileError& e) {
      std::cerr << "ergo passwd: " << e.what() << "\n";
      return 1;
    }
  }
  switch (action) {
    case Action::password: {
      const std::optional<std::string> password = read_password(name);
      if (!password) return 1;
      if (password->empty()) {
        std::cerr << "ergo passwd: the password is empty; nothing was changed\n";
        return 1;
      }
      std::vector<std::string> lines = lines_without(path, name, true);
      lines.push_back(password_entry(name, *password));
      if (!write_lines(path, lines)) return 1;
      std::cerr << "ergo passwd: set the password of " << name << " in " << path << "\n";
      return 0;
    }
    case Action::token: {
      std::vector<std::string> lines = lines_without(path, "\n", true);  // every line
      const TokenEntry entry = token_entry(name);
      lines.push_back(entry.line);
      if (!write_lines(path, lines)) return 1;
      std::cout << entry.token << "\n";
      std::cerr << "ergo passwd: added a token for " << name << " to " << path
                << "; it is shown only now (send it as Authorization: Bearer TOKEN)\n";
      return 0;
    }
    case Action::remove: {
      const std::vector<std::string> before = lines_without(path, "\n", true);
      const std::vector<std::string> after = lines_without(path, name, false);
      if (before.size() == after.size()) {
        std::cerr << "ergo passwd: " << path << " has no entry for " << name << "\n";
        return 1;
      }
      if (!write_lines(path, after)) return 1;
      std::cerr << "ergo passwd: removed " << (before.size() - after.size()) << " entries of " << name << "\n";
      return 0;
    }
  }
  return 2;
}

}  // namespace ergo::server
