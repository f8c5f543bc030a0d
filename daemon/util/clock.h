// Clock: the daemon's only source of time, so tests can control it.
#pragma once

#include <chrono>
#include <cstdint>

namespace parley {

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time, Unix milliseconds: what users see and messages carry.
  virtual std::int64_t NowUnixMs() const = 0;
  // Monotonic time for timers and rate limits.
  virtual std::chrono::steady_clock::time_point Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t NowUnixMs() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  std::chrono::steady_clock::time_point Now() const override {
    return std::chrono::steady_clock::now();
  }
};

// A clock that only moves when told to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t unix_ms = 1'767'225'600'000) : unix_ms_(unix_ms) {}
  std::int64_t NowUnixMs() const override { return unix_ms_; }
  std::chrono::steady_clock::time_point Now() const override {
    return std::chrono::steady_clock::time_point(std::chrono::milliseconds(unix_ms_));
  }
  void Advance(std::chrono::milliseconds by) { unix_ms_ += by.count(); }

 private:
  std::int64_t unix_ms_;
};

}  // namespace parley
