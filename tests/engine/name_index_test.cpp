// The name index: folded keys, each node once per key, ascending answers,
// and adding many nodes of one name in linear time.
#include "engine/store/name_index.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace ergo::store {
namespace {

using Ids = std::vector<NodeId>;

TEST(NameIndex, FindsByFoldedNameAscendingAndOnce) {
  NameIndex index;
  index.add("OpenAI", 7);
  index.add("openai", 3);
  index.add("OPENAI", 7);  // the same node under the same key: kept once
  index.add("Microsoft", 5);
  EXPECT_EQ(index.find("OpenAi"), (Ids{3, 7}));
  EXPECT_EQ(index.find("MICROSOFT"), (Ids{5}));
  EXPECT_EQ(index.find("IBM"), Ids{});
  EXPECT_EQ(index.size(), 3u);
}

TEST(NameIndex, RemoveTakesOneNodeAndForgetsAnEmptyKey) {
  NameIndex index;
  for (NodeId n : {4u, 2u, 9u}) index.add("Anthropic", n);
  index.remove("anthropic", 4);
  index.remove("anthropic", 4);   // already gone: nothing happens
  index.remove("Nobody", 2);      // no such key: nothing happens
  EXPECT_EQ(index.find("Anthropic"), (Ids{2, 9}));
  index.remove("ANTHROPIC", 2);
  index.remove("ANTHROPIC", 9);
  EXPECT_EQ(index.find("Anthropic"), Ids{});
  EXPECT_EQ(index.size(), 0u);
}

// UNWIND range(1, 200000) AS i CREATE ({name: 'x'}) once scanned every
// earlier node of the name on each add (quadratic: minutes at this size).
TEST(NameIndex, ManyNodesOfOneName) {
  constexpr NodeId count = 200'000;
  NameIndex index;
  for (NodeId n = 0; n < count; ++n) index.add("x", n);
  index.add("X", count - 1);
  for (NodeId n = 0; n < 2'000; n += 2) index.remove("x", n);
  Ids found = index.find("x");
  ASSERT_EQ(found.size(), count - 1'000);
  for (NodeId i = 0; i < 1'000; ++i) ASSERT_EQ(found[i], 2 * i + 1);
  EXPECT_EQ(found.back(), count - 1);
  EXPECT_EQ(index.size(), count - 1'000);
}

TEST(NameIndex, InvalidUtf8IsItsOwnKey) {
  NameIndex index;
  index.add("\xff" "abc", 1);
  EXPECT_EQ(index.find("\xff" "abc"), (Ids{1}));
  EXPECT_EQ(index.find("\xff" "ABC"), Ids{});
}

// The flat table against a plain map: random adds and removes over names
// shared by up to a few nodes, through growth, reuse of removed slots, and
// the rebuilds that drop removed keys (more removed than kept, past 1024).
TEST(NameIndex, RandomAddsAndRemovesAnswerAsAMapDoes) {
  std::mt19937 rng(7);
  NameIndex index;
  std::map<std::string, std::set<NodeId>> model;
  std::size_t entries = 0;
  auto check = [&](int names) {
    for (int n = 0; n < names; ++n) {
      const std::string name = "Name" + std::to_string(n);
      const auto it = model.find(NameIndex::key(name));
      const Ids expected = it == model.end() ? Ids{} : Ids(it->second.begin(), it->second.end());
      ASSERT_EQ(index.find(name), expected) << name;
    }
    ASSERT_EQ(index.size(), entries);
    std::size_t keys = 0;
    for (const auto& [k, nodes] : model) keys += !nodes.empty();
    ASSERT_EQ(index.one_node_per_key(), keys == entries);
  };
  for (int round = 0; round < 4; ++round) {
    const int names = round % 2 ? 5'000 : 300;
    for (int i = 0; i < 20'000; ++i) {
      const std::string name = (rng() % 2 ? "name" : "NAME") + std::to_string(rng() % names);
      const NodeId node = rng() % 6;
      auto& nodes = model[NameIndex::key(name)];
      if (rng() % 3) {
        index.add(name, node);
        entries += nodes.insert(node).second;
      } else {
        index.remove(name, node);
        entries -= nodes.erase(node);
      }
    }
    check(names);
    // Remove nearly everything: rebuilds without the removed keys.
    for (auto& [k, nodes] : model) {
      for (auto it = nodes.begin(); it != nodes.end();) {
        if (rng() % 10) {
          index.remove(k, *it);
          it = nodes.erase(it);
          --entries;
        } else {
          ++it;
        }
      }
    }
    check(names);
  }
}

}  // namespace
}  // namespace ergo::store

namespace ergo::store {
namespace {

// add_all() in groups of any size answers as add() one by one: shared
// names, case variants, invalid UTF-8, the same (name, node) twice, and
// groups that land on an index already holding names.
TEST(NameIndex, AddAllAnswersAsAddingOneByOne) {
  std::mt19937 rng(11);
  std::vector<std::string> names;
  for (int i = 0; i < 5000; ++i) {
    const int r = static_cast<int>(rng() % 10);
    if (r == 0) names.push_back("Shared");
    else if (r == 1) names.push_back("SHARED");
    else if (r == 2) names.push_back(std::string("bad\xff") + std::to_string(rng() % 50));
    else names.push_back("n" + std::to_string(rng() % 3000));
  }
  NameIndex one_by_one, grouped;
  std::vector<std::string_view> views;
  std::vector<NodeId> nodes;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const NodeId node = static_cast<NodeId>(rng() % 4000);
    one_by_one.add(names[i], node);
    views.push_back(names[i]);
    nodes.push_back(node);
  }
  for (std::size_t first = 0; first < views.size();) {
    const std::size_t n = std::min<std::size_t>(1 + rng() % 700, views.size() - first);
    grouped.add_all(std::span(views).subspan(first, n), std::span(nodes).subspan(first, n));
    first += n;
  }
  grouped.add_all({}, {});
  EXPECT_EQ(grouped.size(), one_by_one.size());
  for (const std::string& name : names) EXPECT_EQ(grouped.find(name), one_by_one.find(name)) << name;
  EXPECT_EQ(grouped.find("sHaReD"), one_by_one.find("shared"));
  EXPECT_FALSE(grouped.find("sHaReD").empty());
}

}  // namespace
}  // namespace ergo::store
