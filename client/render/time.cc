#include "client/render/time.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace parley::client::render {

namespace {

// Days since 1970-01-01 → civil date (H. Hinnant's days_from_civil inverse).
void CivilFromDays(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

std::string LocalFormat(std::uint64_t unix_ms, const char* format) {
  std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char buffer[64];
  std::size_t n = std::strftime(buffer, sizeof buffer, format, &local);
  return std::string(buffer, n);
}

}  // namespace

std::string IsoUtc(std::uint64_t unix_ms) {
  const std::uint64_t seconds = unix_ms / 1000;
  const auto millis = static_cast<unsigned>(unix_ms % 1000);
  const auto days = static_cast<std::int64_t>(seconds / 86400);
  const auto second_of_day = static_cast<unsigned>(seconds % 86400);
  std::int64_t year = 0;
  unsigned month = 0;
  unsigned day = 0;
  CivilFromDays(days, year, month, day);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02u:%02u:%02u.%03uZ",
                static_cast<long long>(year), month, day, second_of_day / 3600,
                second_of_day / 60 % 60, second_of_day % 60, millis);
  return buffer;
}

std::string LocalClock(std::uint64_t unix_ms) { return LocalFormat(unix_ms, "%H:%M"); }

std::string LocalDateTime(std::uint64_t unix_ms) { return LocalFormat(unix_ms, "%Y-%m-%d %H:%M"); }

std::uint64_t NowMs() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

}  // namespace parley::client::render
