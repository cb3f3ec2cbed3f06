// The Bolt layer without sockets: framing, the handshake, and a session fed
// messages one by one, each response checked exactly.
#include "tools/server/bolt_framing.hpp"
#include "tools/server/bolt_handshake.hpp"
#include "tools/server/bolt_session.hpp"
#include "tools/server/auth_file.hpp"
#include "tools/server/write_check.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ergo::server;
using namespace ergo::server::packstream;

namespace {

PackValue s(std::string text) { return PackValue{std::move(text)}; }
PackValue i(std::int64_t n) { return PackValue{n}; }
PackValue map(PackMap m) { return PackValue{std::move(m)}; }
PackValue b(bool v) { return PackValue{v}; }

std::string message(std::uint8_t tag, std::vector<PackValue> fields) {
  Packer p;
  p.pack(PackValue{PackStruct{tag, std::move(fields)}});
  return p.take();
}

// A session on the bundled graph, past HELLO and LOGON.
class Session : public ::testing::Test {
 protected:
  Session() : db(ergo::Database::open({ERGO_DATA_DIR})), session(db, {5, 4}, {"bolt-1", "127.0.0.1:7687", "ergo/test", {}}) {
    EXPECT_EQ(send(message(0x01, {map({{"user_agent", s("test/1")}})})).size(), 1u);
    EXPECT_EQ(send(message(0x6A, {map({{"scheme", s("none")}})})), (std::vector<PackValue>{success({})}));
  }

  // Sends one message; returns every response, a PULL's slices included.
  std::vector<PackValue> send(const std::string& bytes) {
    std::vector<std::string> raw;
    session.handle(bytes, raw);
    while (session.pulling()) session.continue_pull(raw);
    std::vector<PackValue> decoded;
    for (const std::string& r : raw) decoded.push_back(unpack_one(r));
    return decoded;
  }
  static PackValue success(PackMap metadata) { return PackValue{PackStruct{0x70, {map(std::move(metadata))}}}; }
  static PackValue record(PackList values) { return PackValue{PackStruct{0x71, {PackValue{std::move(values)}}}}; }
  static PackValue failure(const std::string& code, const std::string& text) {
    return PackValue{PackStruct{0x7F, {map({{"code", s(code)}, {"message", s(text)}})}}};
  }
  static PackValue ignored() { return PackValue{PackStruct{0x7E, {}}}; }

  std::vector<PackValue> run(const std::string& query, PackMap params = {}) {
    return send(message(0x10, {s(query), map(std::move(params)), map({})}));
  }
  std::vector<PackValue> pull(std::int64_t n, std::int64_t qid = -1) {
    return send(message(0x3F, {map({{"n", i(n)}, {"qid", i(qid)}})}));
  }
  // The metadata of a SUCCESS without its timing, which varies.
  static PackMap untimed(const PackValue& response) {
    PackMap m = *response.get_if<PackStruct>()->fields.at(0).get_if<PackMap>();
    std::erase_if(m, [](const auto& e) { return e.first == "t_first" || e.first == "t_last" || e.first == "bookmark"; });
    return m;
  }

  ergo::Database db;
  BoltSession session;
};

}  // namespace

TEST(BoltFraming, ChunksAndReassembles) {
  std::string wire;
  append_chunked(wire, "abc");
  EXPECT_EQ(wire, std::string("\x00\x03" "abc" "\x00\x00", 7));
  std::string big(70000, 'x');
  wire.clear();
  append_chunked(wire, big);
  EXPECT_EQ(wire.size(), 2 + 65535 + 2 + (70000 - 65535) + 2);
  Dechunker d(1 << 20);
  d.feed(std::string("\x00\x00", 2));  // a NOOP
  d.feed(wire.substr(0, 100));
  EXPECT_EQ(d.next(), std::nullopt);
  d.feed(wire.substr(100));
  EXPECT_EQ(d.next(), big);
  EXPECT_EQ(d.next(), std::nullopt);
  EXPECT_EQ(d.buffered(), 0u);
}

TEST(BoltFraming, RefusesAMessageOverTheLimit) {
  Dechunker d(10);
  d.feed(std::string("\x00\x08" "12345678" "\x00\x08" "12345678", 20));
  try {
    d.next();
    FAIL() << "no error";
  } catch (const FramingError& e) {
    EXPECT_EQ(std::string(e.what()), "a message larger than 10 bytes");
  }
}

TEST(BoltHandshake, TheManifestOffersFiveZeroToFiveFour) {
  EXPECT_EQ(manifest_offer(), std::string("\x00\x00\x01\xFF" "\x01" "\x00\x04\x04\x05" "\x00", 10));
  EXPECT_EQ(manifest_choice(std::string("\x00\x00\x04\x05", 4)), (BoltVersion{5, 4}));
  EXPECT_EQ(manifest_choice(std::string("\x00\x00\x00\x05", 4)), (BoltVersion{5, 0}));
  EXPECT_EQ(manifest_choice(std::string("\x00\x00\x05\x05", 4)), std::nullopt);  // not offered
  EXPECT_EQ(manifest_choice(std::string("\x00\x00\x00\x00", 4)), std::nullopt);  // nothing fits the client
  EXPECT_EQ(manifest_choice(std::string("\x00\x01\x04\x05", 4)), std::nullopt);  // a range is no choice
}

TEST(BoltHandshake, PicksTheHighestVersionInTheFirstFittingProposal) {
  // What neo4j-driver 6 sends: the manifest (255.1), 5.8 down to 5.0, 4.4 to 4.2, 3.0.
  const std::string driver6("\x00\x00\x01\xFF" "\x00\x08\x08\x05" "\x00\x02\x04\x04" "\x00\x00\x00\x03", 16);
  EXPECT_EQ(negotiate(driver6), (BoltVersion{5, 4}));  // for a client that offers no manifest after all
  EXPECT_TRUE(wants_manifest(driver6));
  EXPECT_FALSE(wants_manifest(std::string("\x00\x08\x08\x05" "\x00\x00\x01\xFF" "\x00\x00\x00\x00" "\x00\x00\x00\x00", 16)));
  EXPECT_TRUE(wants_manifest(std::string("\x00\x02\x08\x05" "\x00\x00\x01\xFF" "\x00\x00\x00\x00" "\x00\x00\x00\x00", 16)))
      << "5.8 to 5.6 is not spoken here, so the manifest that follows is taken";
  EXPECT_EQ(negotiate(std::string("\x00\x00\x02\x05" "\x00\x00\x00\x00" "\x00\x00\x00\x00" "\x00\x00\x00\x00", 16)),
            (BoltVersion{5, 2}));
  EXPECT_EQ(negotiate(std::string("\x00\x02\x08\x05" "\x00\x00\x00\x00" "\x00\x00\x00\x00" "\x00\x00\x00\x00", 16)),
            std::nullopt);  // 5.8 to 5.6 only
  EXPECT_EQ(negotiate(std::string("\x00\x00\x04\x04" "\x00\x00\x00\x03" "\x00\x00\x00\x00" "\x00\x00\x00\x00", 16)),
            std::nullopt);
  auto answer = handshake_answer(BoltVersion{5, 4});
  EXPECT_EQ(std::string(answer.data(), 4), std::string("\x00\x00\x04\x05", 4));
  answer = handshake_answer(std::nullopt);
  EXPECT_EQ(std::string(answer.data(), 4), std::string(4, '\0'));
  EXPECT_TRUE(is_bolt_magic("\x60\x60\xB0\x17"));
  EXPECT_FALSE(is_bolt_magic("GET "));
}

TEST(WriteCheck, FindsUpdatingClausesOutsideStringsAndNames) {
  EXPECT_EQ(find_updating_word("MATCH (n) RETURN n.set, n.`create` AS x, 'DELETE' // SET\n/* MERGE */"), std::nullopt);
  EXPECT_EQ(find_updating_word("MATCH (n:Create) WHERE n.name = \"CREATE\" RETURN $set"), std::nullopt);
  auto w = find_updating_word("MATCH (n)\n  // a comment\n  WITH n, '한국' AS k set n.x = 1");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->word, "SET");
  EXPECT_EQ(w->line, 3u);
  EXPECT_EQ(w->column, 21u);
  EXPECT_EQ(find_updating_word("create (:A)")->word, "CREATE");
  EXPECT_EQ(find_updating_word("MATCH (n) DETACH DELETE n")->word, "DETACH");
  EXPECT_EQ(find_updating_word("UNWIND [1] AS x foreach (y IN [x] | CREATE ())")->word, "FOREACH");
}

TEST_F(Session, RunAndPullAValue) {
  auto r = run("RETURN 1 AS one, 2.5 AS half, '한국어' AS ko, [1, null] AS l, {a: true} AS m");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(untimed(r[0]), (PackMap{{"fields", PackValue{PackList{s("one"), s("half"), s("ko"), s("l"), s("m")}}}}));
  r = pull(-1);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0], record({i(1), PackValue{2.5}, s("한국어"), PackValue{PackList{i(1), PackValue{}}},
                          map({{"a", PackValue{true}}})}));
  EXPECT_EQ(untimed(r[1]), (PackMap{{"type", s("r")}, {"db", s("neo4j")}}));
}

TEST_F(Session, PullsInBatchesWithHasMore) {
  run("UNWIND range(1, 5) AS x RETURN x");
  auto r = pull(2);
  EXPECT_EQ(r, (std::vector<PackValue>{record({i(1)}), record({i(2)}), success({{"has_more", PackValue{true}}})}));
  r = send(message(0x2F, {map({{"n", i(2)}, {"qid", i(-1)}})}));  // DISCARD 2
  EXPECT_EQ(r, (std::vector<PackValue>{success({{"has_more", PackValue{true}}})}));
  r = pull(10);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0], record({i(5)}));
}

TEST_F(Session, ANodeCarriesItsElementId) {
  auto r = run("MATCH (c:Company {name: 'OpenAI'}) RETURN c");
  ASSERT_EQ(r.size(), 1u);
  r = pull(-1);
  ASSERT_EQ(r.size(), 2u);
  const PackStruct& node = *r[0].get_if<PackStruct>()->fields[0].get_if<PackList>()->at(0).get_if<PackStruct>();
  EXPECT_EQ(node.tag, 0x4E);
  ASSERT_EQ(node.fields.size(), 4u);
  EXPECT_EQ(node.fields[1], (PackValue{PackList{s("Company"), s("Organization")}}));
  EXPECT_EQ(*node.fields[2].find("name"), s("OpenAI"));
  EXPECT_EQ(node.fields[3], s("n:" + std::to_string(*node.fields[0].get_if<std::int64_t>())));
}

TEST_F(Session, AnErrorThenIgnoredUntilReset) {
  auto r = run("RETRUN 1");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], failure("Neo.ClientError.Statement.SyntaxError",
                          "<query>:1:1: error: unexpected 'RETRUN', did you mean 'RETURN'?\nRETRUN 1\n^~~~~~"));
  EXPECT_EQ(pull(-1), std::vector<PackValue>{ignored()});
  EXPECT_EQ(send(message(0x0F, {})), std::vector<PackValue>{success({})});
  EXPECT_EQ(run("RETURN $x AS x", {{"x", i(7)}}).size(), 1u);
  EXPECT_EQ(pull(-1).at(0), record({i(7)}));
}

TEST_F(Session, AMissingParameterHasItsOwnCode) {
  auto r = run("RETURN $nope AS x");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(*r[0].get_if<PackStruct>()->fields[0].find("code"), s("Neo.ClientError.Statement.ParameterMissing"));
}

TEST_F(Session, ExplicitTransactionsCommitTheirWrites) {
  const std::size_t before = db.node_count();
  EXPECT_EQ(send(message(0x11, {map({})})), std::vector<PackValue>{success({})});  // BEGIN
  auto r = run("CREATE (n:Thing {name: 'x'}) RETURN n.name AS name");
  EXPECT_EQ(untimed(r.at(0)), (PackMap{{"fields", PackValue{PackList{s("name")}}}, {"qid", i(0)}}));
  r = pull(-1, 0);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0], record({s("x")}));
  EXPECT_EQ(untimed(r[1]), (PackMap{{"type", s("w")}, {"db", s("neo4j")},
                                    {"stats", map({{"nodes-created", i(1)}, {"properties-set", i(1)},
                                                   {"labels-added", i(1)}, {"contains-updates", b(true)}})}}));
  // The transaction's next statement sees its own write.
  run("MATCH (n:Thing) RETURN count(n) AS c");
  EXPECT_EQ(pull(-1, 1).at(0), record({i(1)}));
  r = send(message(0x12, {}));  // COMMIT
  ASSERT_EQ(r.size(), 1u);
  EXPECT_NE(r[0].get_if<PackStruct>()->fields[0].find("bookmark"), nullptr);
  EXPECT_EQ(db.node_count(), before + 1);
  EXPECT_EQ(db.execute("MATCH (n:Thing) RETURN n.name").row(0).at(0), ergo::Value("x"));
}

TEST_F(Session, RollbackResetAndGoodbyeUndoTheTransaction) {
  const std::size_t before = db.node_count();
  for (std::uint8_t end : {0x13, 0x0F, 0x02}) {  // ROLLBACK, RESET, GOODBYE
    send(message(0x11, {map({})}));
    run("CREATE (:Thing)");
    pull(-1);
    EXPECT_TRUE(session.in_transaction());
    send(message(end, {}));
    EXPECT_FALSE(session.in_transaction());
    EXPECT_EQ(db.node_count(), before) << "after message 0x" << std::hex << int(end);
  }
}

TEST_F(Session, AFailedStatementRollsBackItsTransaction) {
  send(message(0x11, {map({})}));
  run("CREATE (:Thing)");
  pull(-1);
  auto r = run("MATCH (n) DELETE n");  // connected nodes: fails, and with it the transaction
  r = r.size() == 1 && r[0].get_if<PackStruct>()->tag == 0x70 ? pull(-1) : r;
  EXPECT_EQ(*r.back().get_if<PackStruct>()->fields[0].find("code"),
            s("Neo.ClientError.Schema.ConstraintValidationFailed"));
  EXPECT_FALSE(session.in_transaction());
  EXPECT_EQ(send(message(0x12, {})), std::vector<PackValue>{ignored()});  // COMMIT: ignored until RESET
  EXPECT_EQ(send(message(0x0F, {})), std::vector<PackValue>{success({})});
  EXPECT_EQ(db.execute("MATCH (n:Thing) RETURN count(n)").row(0).at(0), ergo::Value(std::int64_t{0}));
}

TEST_F(Session, AReadTransactionRefusesWrites) {
  EXPECT_EQ(send(message(0x11, {map({{"mode", s("r")}})})), std::vector<PackValue>{success({})});
  run("RETURN 1 AS x");
  EXPECT_EQ(pull(-1, 0).at(0), record({i(1)}));
  auto r = run("CREATE (n:Thing) RETURN n");
  EXPECT_EQ(*r.at(0).get_if<PackStruct>()->fields[0].find("code"), s("Neo.ClientError.Statement.AccessMode"));
  EXPECT_EQ(send(message(0x0F, {})), std::vector<PackValue>{success({})});
  EXPECT_EQ(db.execute("MATCH (n:Thing) RETURN count(n)").row(0).at(0), ergo::Value(std::int64_t{0}));
}

TEST_F(Session, AnIdleTransactionThatExpiredSaysSo) {
  send(message(0x11, {map({})}));
  run("CREATE (:Thing)");
  pull(-1);
  session.expire_transaction("it was idle for 60 s (--transaction-timeout)");
  EXPECT_FALSE(session.in_transaction());
  EXPECT_EQ(db.execute("MATCH (n:Thing) RETURN count(n)").row(0).at(0), ergo::Value(std::int64_t{0}));
  EXPECT_EQ(send(message(0x12, {})),  // COMMIT
            std::vector<PackValue>{failure("Neo.ClientError.Transaction.TransactionTimedOut",
                                           "the transaction was rolled back: it was idle for 60 s "
                                           "(--transaction-timeout); begin a new one (and keep statements of one "
                                           "transaction close together), or raise --transaction-timeout")});
  EXPECT_EQ(send(message(0x0F, {})), std::vector<PackValue>{success({})});
  EXPECT_EQ(send(message(0x11, {map({})})), std::vector<PackValue>{success({})});
}

TEST(BoltMessages, BeginIsRecognizedByItsTag) {
  Packer p;
  p.pack(PackValue{PackStruct{0x11, {PackValue{PackMap{}}}}});
  EXPECT_TRUE(BoltSession::is_begin(p.take()));
  p.pack(PackValue{PackStruct{0x10, {PackValue{std::string("RETURN 1")}, PackValue{PackMap{}}, PackValue{PackMap{}}}}});
  EXPECT_FALSE(BoltSession::is_begin(p.take()));
  EXPECT_FALSE(BoltSession::is_begin(""));
}

// SET, REMOVE, MERGE and DELETE report what they changed as Neo4j does:
// only the counters that are not zero, then contains-updates.
TEST_F(Session, WritesReportTheirCounters) {
  const auto stats_of = [&](const std::string& query) {
    run(query);
    auto r = pull(-1);
    return *r.back().get_if<PackStruct>()->fields[0].find("stats");
  };
  EXPECT_EQ(stats_of("CREATE (:Thing {name: 'a'})-[:LINKS]->(:Thing {name: 'b'})"),
            map({{"nodes-created", i(2)}, {"relationships-created", i(1)}, {"properties-set", i(2)},
                 {"labels-added", i(2)}, {"contains-updates", b(true)}}));
  EXPECT_EQ(stats_of("MATCH (t:Thing {name: 'a'}) SET t.size = 3, t:Big REMOVE t:Thing"),
            map({{"properties-set", i(1)}, {"labels-added", i(1)}, {"labels-removed", i(1)},
                 {"contains-updates", b(true)}}));
  EXPECT_EQ(stats_of("MERGE (t:Thing {name: 'c'})"),
            map({{"nodes-created", i(1)}, {"properties-set", i(1)}, {"labels-added", i(1)},
                 {"contains-updates", b(true)}}));
  EXPECT_EQ(stats_of("MATCH (t {name: 'b'}) DETACH DELETE t"),
            map({{"nodes-deleted", i(1)}, {"relationships-deleted", i(1)}, {"contains-updates", b(true)}}));
  run("MERGE (t:Thing {name: 'c'})");  // it exists now: nothing changes, a read's summary
  auto r = pull(-1);
  EXPECT_EQ(untimed(r.back()), (PackMap{{"type", s("r")}, {"db", s("neo4j")}}));
}

TEST_F(Session, TelemetryLogoffAndGoodbye) {
  EXPECT_EQ(send(message(0x54, {i(1)})), std::vector<PackValue>{success({})});
  EXPECT_EQ(send(message(0x6B, {})), std::vector<PackValue>{success({})});
  // Logged off: a RUN before LOGON ends the connection.
  auto r = run("RETURN 1");
  EXPECT_EQ(r, std::vector<PackValue>{failure("Neo.ClientError.Request.Invalid", "RUN is not allowed before LOGON")});
  EXPECT_TRUE(session.closed());
}

TEST_F(Session, GoodbyeClosesWithoutAnAnswer) {
  EXPECT_EQ(send(message(0x02, {})), std::vector<PackValue>{});
  EXPECT_TRUE(session.closed());
}

TEST_F(Session, RouteAnswersThisServerForEveryRole) {
  auto r = send(message(0x66, {map({{"address", s("localhost:7687")}}), PackValue{PackList{}}, map({})}));
  ASSERT_EQ(r.size(), 1u);
  const PackValue& rt = *r[0].get_if<PackStruct>()->fields[0].find("rt");
  EXPECT_EQ(*rt.find("ttl"), i(300));
  const PackList& servers = *rt.find("servers")->get_if<PackList>();
  ASSERT_EQ(servers.size(), 3u);
  EXPECT_EQ(servers[0], map({{"addresses", PackValue{PackList{s("127.0.0.1:7687")}}}, {"role", s("WRITE")}}));
}

TEST_F(Session, GarbageClosesTheSession) {
  auto r = send(std::string("\xC4\x01", 2));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], failure("Neo.ClientError.Request.Invalid", "malformed PackStream at byte 0: unknown marker 0xC4"));
  EXPECT_TRUE(session.closed());
}

TEST(BoltSession50, HelloCarriesTheAuthTokenAndNoLogonFollows) {
  ergo::Database db = ergo::Database::open({ERGO_DATA_DIR});
  BoltSession session(db, {5, 0}, {"bolt-2", "127.0.0.1:7687", "ergo/test", {}});
  std::vector<std::string> raw;
  session.handle(message(0x01, {map({{"user_agent", s("test/1")}, {"scheme", s("basic")}, {"principal", s("u")},
                                     {"credentials", s("p")}})}),
                 raw);
  session.handle(message(0x10, {s("RETURN 'ok' AS x"), map({}), map({})}), raw);
  session.handle(message(0x3F, {map({{"n", i(-1)}})}), raw);
  ASSERT_EQ(raw.size(), 4u);
  EXPECT_EQ(unpack_one(raw[0]),
            (PackValue{PackStruct{0x70, {map({{"server", s("ergo/test")}, {"connection_id", s("bolt-2")},
                                              {"hints", map({{"telemetry.enabled", PackValue{true}}})}})}}}));
  EXPECT_EQ(unpack_one(raw[2]), (PackValue{PackStruct{0x71, {PackValue{PackList{s("ok")}}}}}));
}

// With an auth file, LOGON must name a user and password (basic) or a
// token (bearer) from it; anything else closes the session.
TEST(BoltAuthentication, LogonChecksTheAuthFile) {
  ergo::Database db;
  const TokenEntry token = token_entry("ci");
  const AuthFile auth = AuthFile::parse(password_entry("alice", "sekret", 1000) + "\n" + token.line + "\n", "users");
  const auto logon = [&](PackMap credentials) {
    BoltSession session(db, {5, 4}, {"bolt-1", "127.0.0.1:7687", "ergo/test", {}, &auth});
    std::vector<std::string> out;
    session.handle(message(0x01, {map({{"user_agent", s("test/1")}})}), out);
    out.clear();
    session.handle(message(0x6A, {map(std::move(credentials))}), out);
    return std::pair{unpack_one(out.at(0)).get_if<PackStruct>()->tag, session.closed()};
  };
  using Answer = std::pair<std::uint8_t, bool>;
  EXPECT_EQ(logon({{"scheme", s("basic")}, {"principal", s("alice")}, {"credentials", s("sekret")}}), Answer(0x70, false));
  EXPECT_EQ(logon({{"scheme", s("bearer")}, {"credentials", s(token.token)}}), Answer(0x70, false));
  EXPECT_EQ(logon({{"scheme", s("basic")}, {"principal", s("alice")}, {"credentials", s("wrong")}}), Answer(0x7F, true));
  EXPECT_EQ(logon({{"scheme", s("basic")}, {"principal", s("mallory")}, {"credentials", s("sekret")}}),
            Answer(0x7F, true));
  EXPECT_EQ(logon({{"scheme", s("bearer")}, {"credentials", s("0000")}}), Answer(0x7F, true));
  EXPECT_EQ(logon({{"scheme", s("none")}}), Answer(0x7F, true));
  EXPECT_EQ(logon({}), Answer(0x7F, true));
}

// Bolt 5.0 carries the auth token in HELLO itself.
TEST(BoltAuthentication, HelloCarriesItInBolt50) {
  ergo::Database db;
  const AuthFile auth = AuthFile::parse(password_entry("alice", "sekret", 1000) + "\n", "users");
  BoltSession session(db, {5, 0}, {"bolt-1", "127.0.0.1:7687", "ergo/test", {}, &auth});
  std::vector<std::string> out;
  session.handle(message(0x01, {map({{"scheme", s("basic")}, {"principal", s("alice")}, {"credentials", s("no")}})}), out);
  const PackStruct answer = *unpack_one(out.at(0)).get_if<PackStruct>();
  EXPECT_EQ(answer.tag, 0x7F);
  EXPECT_EQ(*answer.fields[0].find("code"), s("Neo.ClientError.Security.Unauthorized"));
  EXPECT_TRUE(session.closed());
}
