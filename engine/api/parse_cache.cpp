// ParseCache: see parse_cache.hpp.
#include "engine/api/parse_cache.hpp"

#include <functional>

namespace ergo::detail {

std::size_t ParseCache::Hash::operator()(const KeyView& k) const noexcept {
  const std::size_t h = std::hash<std::string_view>()(k.query);
  return h ^ (std::hash<std::string_view>()(k.source_name) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

std::shared_ptr<const cypher::ParseResult> ParseCache::find(std::string_view source_name, std::string_view query) {
  if (query.size() > longest_cached_text) return nullptr;
  std::lock_guard lock(mutex_);
  if (recency_.empty()) return nullptr;
  const auto it = index_.find(KeyView{source_name, query});
  if (it == index_.end()) return nullptr;
  recency_.splice(recency_.begin(), recency_, it->second);
  return it->second->parsed;
}

void ParseCache::add(std::string_view source_name, std::string_view query,
                     std::shared_ptr<const cypher::ParseResult> parsed) {
  if (query.size() > longest_cached_text) return;
  std::lock_guard lock(mutex_);
  if (capacity_ == 0) return;
  if (const auto it = index_.find(KeyView{source_name, query}); it != index_.end()) {
    it->second->parsed = std::move(parsed);  // another thread parsed the same text meanwhile
    recency_.splice(recency_.begin(), recency_, it->second);
    return;
  }
  recency_.push_front(Entry{Key{std::string(source_name), std::string(query)}, std::move(parsed)});
  try {
    const Key& key = recency_.front().key;
    index_.emplace(KeyView{key.source_name, key.query}, recency_.begin());
  } catch (...) {
    recency_.pop_front();
    throw;
  }
  text_bytes_ += query.size();
  trim();
}

void ParseCache::trim() {
  while (recency_.size() > capacity_ || (text_bytes_ > text_budget && !recency_.empty())) {
    const Key& oldest = recency_.back().key;
    text_bytes_ -= oldest.query.size();
    index_.erase(KeyView{oldest.source_name, oldest.query});
    recency_.pop_back();
  }
}

std::size_t ParseCache::capacity() const {
  std::lock_guard lock(mutex_);
  return capacity_;
}

void ParseCache::set_capacity(std::size_t texts) {
  std::lock_guard lock(mutex_);
  capacity_ = texts;
  trim();
}

std::size_t ParseCache::size() const {
  std::lock_guard lock(mutex_);
  return recency_.size();
}

}  // namespace ergo::detail
