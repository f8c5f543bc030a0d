// Token buckets: `burst` tokens, refilled at `per_second`; each take costs
// one token unless it says otherwise (a budget of bytes, say). KeyedRateLimiter
// keeps one bucket per key for at most `max_keys` keys. When it is full it
// forgets the least recently used key only if that key has been quiet for
// `forget_after`; otherwise it refuses the new key, so cycling through more
// keys than it tracks cannot earn fresh bursts.
#pragma once

#include <chrono>
#include <list>
#include <string>
#include <unordered_map>

namespace parley::net {

class TokenBucket {
 public:
  TokenBucket(double burst, double per_second) : burst_(burst), rate_(per_second), tokens_(burst) {}

  bool TryTake(std::chrono::steady_clock::time_point now, double cost = 1.0) {
    if (last_.time_since_epoch().count() != 0) {
      std::chrono::duration<double> elapsed = now - last_;
      tokens_ = std::min(burst_, tokens_ + elapsed.count() * rate_);
    }
    last_ = now;
    if (tokens_ < cost) return false;
    tokens_ -= cost;
    return true;
  }

 private:
  double burst_;
  double rate_;
  double tokens_;
  std::chrono::steady_clock::time_point last_{};
};

class KeyedRateLimiter {
 public:
  KeyedRateLimiter(double burst, double per_second, std::size_t max_keys,
                   std::chrono::seconds forget_after = std::chrono::minutes(10))
      : burst_(burst), rate_(per_second), max_keys_(max_keys), forget_after_(forget_after) {}

  bool TryTake(const std::string& key, std::chrono::steady_clock::time_point now) {
    auto it = buckets_.find(key);
    if (it == buckets_.end()) {
      if (buckets_.size() >= max_keys_) {
        auto oldest = buckets_.find(order_.back());
        if (now - oldest->second.last_used < forget_after_) return false;
        buckets_.erase(oldest);
        order_.pop_back();
      }
      order_.push_front(key);
      it = buckets_.emplace(key, Entry{TokenBucket(burst_, rate_), order_.begin(), now}).first;
    } else {
      order_.splice(order_.begin(), order_, it->second.position);
    }
    it->second.last_used = now;
    return it->second.bucket.TryTake(now);
  }

 private:
  struct Entry {
    TokenBucket bucket;
    std::list<std::string>::iterator position;
    std::chrono::steady_clock::time_point last_used;
  };
  double burst_;
  double rate_;
  std::size_t max_keys_;
  std::chrono::seconds forget_after_;
  std::list<std::string> order_;  // most recent first
  std::unordered_map<std::string, Entry> buckets_;
};

}  // namespace parley::net
