// A commit record replayed onto a graph that was equal before the change
// makes it equal after: the same elements, and the same ids for every label,
// type and property key, including names the change added but no element
// keeps. The two versions a Database reads and writes (graph_versions.hpp)
// take turns through exactly this, so any difference would show as answers
// that change with the version that happens to serve a query (the order of
// labels(n), of keys(n)).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "engine/storage/commit_record.hpp"
#include "engine/store/graph.hpp"

namespace ergo::store {
namespace {

template <class Id>
std::vector<std::string> names_of(const Interner<Id>& interner) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < interner.size(); ++i) out.push_back(interner.name(static_cast<Id>(i)));
  return out;
}

// Everything a reader can see, element by element, with ids as they are.
void expect_same(const Graph& a, const Graph& b) {
  ASSERT_EQ(names_of(a.labels()), names_of(b.labels()));
  ASSERT_EQ(names_of(a.types()), names_of(b.types()));
  ASSERT_EQ(names_of(a.keys()), names_of(b.keys()));
  ASSERT_EQ(a.node_count(), b.node_count());
  ASSERT_EQ(a.relationship_count(), b.relationship_count());
  EXPECT_EQ(a.live_node_count(), b.live_node_count());
  EXPECT_EQ(a.live_relationship_count(), b.live_relationship_count());
  for (NodeId n = 0; n < a.node_count(); ++n) {
    ASSERT_EQ(a.node_exists(n), b.node_exists(n)) << "node " << n;
    if (!a.node_exists(n)) continue;
    const auto la = a.labels_of(n), lb = b.labels_of(n);
    EXPECT_EQ(std::vector<LabelId>(la.begin(), la.end()), std::vector<LabelId>(lb.begin(), lb.end())) << "node " << n;
    for (std::size_t k = 0; k < a.keys().size(); ++k) {
      EXPECT_EQ(a.node_property(n, static_cast<KeyId>(k)), b.node_property(n, static_cast<KeyId>(k)))
          << "node " << n << " key " << a.keys().name(static_cast<KeyId>(k));
    }
    const auto oa = a.out(n), ob = b.out(n);
    ASSERT_EQ(oa.size(), ob.size()) << "node " << n;
    for (std::size_t i = 0; i < oa.size(); ++i) {
      EXPECT_EQ(oa[i].neighbor, ob[i].neighbor);
      EXPECT_EQ(oa[i].rel, ob[i].rel);
    }
    const auto ia = a.in(n), ib = b.in(n);
    ASSERT_EQ(ia.size(), ib.size()) << "node " << n;
  }
  for (RelId r = 0; r < a.relationship_count(); ++r) {
    ASSERT_EQ(a.relationship_exists(r), b.relationship_exists(r)) << "relationship " << r;
    if (!a.relationship_exists(r)) continue;
    EXPECT_EQ(a.source(r), b.source(r));
    EXPECT_EQ(a.target(r), b.target(r));
    EXPECT_EQ(a.type_of(r), b.type_of(r));
    for (std::size_t k = 0; k < a.keys().size(); ++k) {
      EXPECT_EQ(a.relationship_property(r, static_cast<KeyId>(k)), b.relationship_property(r, static_cast<KeyId>(k)));
    }
  }
}

// One change on `writer` under a mark, replayed onto `follower`.
template <class Change>
void change_and_replay(Graph& writer, Graph& follower, Change change) {
  const Graph::Mark m = writer.mark();
  change(writer);
  writer.commit();
  const std::vector<std::byte> record = storage::encode_commit(writer, m, 1);
  // The bound a load is sent to the snapshot by never exceeds the record.
  EXPECT_LE(storage::commit_record_lower_bound(writer, m), record.size());
  writer.accept();
  storage::apply_commit(follower, record);
  follower.commit();
  expect_same(writer, follower);
}

TEST(CommitRecord, AReplayGivesEveryNameTheIdItHadWhereItWasWritten) {
  Graph writer, follower;
  change_and_replay(writer, follower, [](Graph& g) {
    // Interned in an order no element lists them in, and one kept by none.
    const KeyId unused = g.keys().intern("never_stored");
    (void)unused;
    const LabelId zeta = g.labels().intern("Zeta"), alpha = g.labels().intern("Alpha");
    const KeyId y = g.keys().intern("y"), x = g.keys().intern("x");
    const NodeId a = g.add_node({alpha});
    const NodeId b = g.add_node({zeta, alpha});
    g.set_node_property(a, x, Value(std::int64_t{1}));
    g.set_node_property(b, y, Value(std::string("two")));
    const TypeId later = g.types().intern("LATER"), first = g.types().intern("FIRST");
    (void)later;
    g.add_relationship(b, first, a);
  });
  // A second change on top: old elements changed, deleted, labels swapped.
  change_and_replay(writer, follower, [](Graph& g) {
    const LabelId beta = g.labels().intern("Beta");
    g.remove_label(1, *g.labels().find("Zeta"));
    g.add_label(1, beta);
    g.set_node_property(0, *g.keys().find("x"), Value());
    g.set_relationship_property(0, g.keys().intern("w"), Value(2.5));
    const NodeId c = g.add_node({beta});
    g.add_relationship(c, *g.types().find("LATER"), 0);
    g.delete_relationship(0);
  });
}

TEST(CommitRecord, RandomChangesReplayIntoTheSameGraph) {
  Graph writer, follower;
  std::mt19937 rng(7);
  auto pick = [&](std::size_t n) { return static_cast<std::uint32_t>(rng() % n); };
  for (int round = 0; round < 200; ++round) {
    change_and_replay(writer, follower, [&](Graph& g) {
      for (int step = 0; step < 8; ++step) {
        const std::string name = std::string(1, static_cast<char>('a' + pick(6)));
        switch (pick(6)) {
          case 0: g.add_node({g.labels().intern("L" + name)}); break;
          case 1:
            if (g.node_count() > 1) {
              const NodeId from = pick(g.node_count()), to = pick(g.node_count());
              if (g.node_exists(from) && g.node_exists(to)) g.add_relationship(from, g.types().intern("T" + name), to);
            }
            break;
          case 2:
            if (g.node_count() > 0) {
              const NodeId n = pick(g.node_count());
              if (g.node_exists(n)) g.set_node_property(n, g.keys().intern("k" + name), Value(std::int64_t{pick(100)}));
            }
            break;
          case 3:
            if (g.node_count() > 0) {
              const NodeId n = pick(g.node_count());
              if (g.node_exists(n)) g.add_label(n, g.labels().intern("L" + name));
            }
            break;
          case 4:
            if (g.relationship_count() > 0) {
              const RelId r = pick(g.relationship_count());
              if (g.relationship_exists(r)) g.delete_relationship(r);
            }
            break;
          case 5: g.keys().intern("unused" + std::to_string(round)); break;
        }
      }
    });
  }
}

}  // namespace
}  // namespace ergo::store
