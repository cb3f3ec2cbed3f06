// Fuzz target: a Bolt connection's bytes after the handshake — chunk
// framing, PackStream decoding and the session's state machine, on a small
// graph with a time limit. An odd first byte starts the session already
// logged in (a canned HELLO and LOGON), so that mutations reach RUN, PULL
// and the transaction messages without having to find HELLO first.
// Anything but answers and FAILURE messages (a crash, a sanitizer report,
// an exception escaping the session) is a finding.
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_support.hpp"
#include "tools/server/bolt_framing.hpp"
#include "tools/server/bolt_session.hpp"
#include "tools/server/packstream.hpp"

namespace {

using namespace ergo::server;

std::string login_message(std::uint8_t tag, bool with_agent) {
  packstream::Packer p;
  p.pack_struct_header(tag, 1);
  packstream::PackMap extra{{"scheme", packstream::PackValue{std::string("none")}}};
  if (with_agent) extra.emplace_back("user_agent", packstream::PackValue{std::string("fuzz/1")});
  p.pack(packstream::PackValue{std::move(extra)});
  return p.take();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  ergo::Database db = ergo::fuzz::small_graph();
  db.set_limits(ergo::Limits{200, 1 << 16, 64 << 20});
  // The second byte picks the minor version, as a handshake would have.
  const BoltVersion version{5, size > 1 ? data[1] % (kHighestVersion.minor + 1) : 4};
  BoltSession session(db, version, SessionContext{"bolt-fuzz", "127.0.0.1:7687", "ergo/fuzz", nullptr});
  std::vector<std::string> responses;
  if (data[0] & 1) {
    session.handle(login_message(0x01, true), responses);
    if (version.minor > 0) session.handle(login_message(0x6A, false), responses);
  }
  Dechunker dechunker(1 << 20);
  dechunker.feed(ergo::fuzz::text_of(data, size).substr(size > 1 ? 2 : 1));
  try {
    while (auto message = dechunker.next()) {
      session.handle(*message, responses);
      while (session.pulling()) session.continue_pull(responses);
      if (session.closed()) break;
      responses.clear();
    }
  } catch (const FramingError& e) {
    session.reject(e.what(), responses);
  }
  return 0;
}
