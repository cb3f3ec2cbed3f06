// The parsed statements of query texts run lately, so that a text run again
// is bound and run without being parsed again: an application (and every
// Bolt or HTTP client, which sends its query as text each time) mostly runs
// the same few texts with different parameters. Neo4j keeps such a cache of
// query texts, and Python's sqlite3 one of compiled statements.
//
// Only what parsed is kept, keyed by the exact text and its source name (the
// name errors quote), so a cached text binds, runs and fails exactly as a
// freshly parsed one: the tree is immutable once parsed (PreparedQuery
// shares one between runs the same way). Texts longer than
// longest_cached_text are not kept; the least recently run entry makes way
// past capacity() texts (Database::set_query_cache_size; 0 keeps nothing,
// as ergo-bench runs it: the peer kit has every system parse every run) or
// past text_budget bytes of text. A parsed text holds 20 times its length
// for texts of 2-8 KiB (a 126-byte query: 6.8 KB), so the budget keeps the
// cache to about 5 MiB whatever texts arrive (256 short ones: under 2 MiB):
// a server sent many long queries does not grow. Safe to use from any
// thread.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "grammar/cypher/parse_cypher.hpp"

namespace ergo::detail {

class ParseCache {
 public:
  static constexpr std::size_t default_capacity = 256;
  static constexpr std::size_t longest_cached_text = 8192;
  static constexpr std::size_t text_budget = std::size_t{256} << 10;

  // The statements `query` (named `source_name`) parsed into when it was
  // last added, or null.
  std::shared_ptr<const cypher::ParseResult> find(std::string_view source_name, std::string_view query);
  // Keeps `parsed`, a successful parse of `query`, unless the text is too long.
  void add(std::string_view source_name, std::string_view query, std::shared_ptr<const cypher::ParseResult> parsed);
  std::size_t size() const;
  std::size_t capacity() const;
  // Keeps at most `texts` texts from now on (dropping the least recently run).
  void set_capacity(std::size_t texts);

 private:
  struct Key {
    std::string source_name, query;
  };
  // A key's two texts, where they are kept: in an entry of recency_ (whose
  // node never moves while it is in the list), or the caller's.
  struct KeyView {
    std::string_view source_name, query;
    bool operator==(const KeyView&) const = default;
  };
  struct Hash {
    std::size_t operator()(const KeyView& k) const noexcept;
  };
  struct Entry {
    Key key;
    std::shared_ptr<const cypher::ParseResult> parsed;
  };
  using Recency = std::list<Entry>;  // most recently run first

  void trim();  // under mutex_: down to capacity_ and text_budget

  mutable std::mutex mutex_;
  std::size_t capacity_ = default_capacity;
  std::size_t text_bytes_ = 0;  // of the texts kept
  Recency recency_;
  std::unordered_map<KeyView, Recency::iterator, Hash> index_;
};

}  // namespace ergo::detail
