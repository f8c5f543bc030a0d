// Times as parley prints them. The API carries Unix milliseconds.
#pragma once

#include <cstdint>
#include <string>

namespace parley::client::render {

// ISO 8601 UTC with milliseconds: "2026-11-24T16:01:09.123Z" (for --json).
std::string IsoUtc(std::uint64_t unix_ms);

// Local wall-clock time for people: "16:01", and "2026-11-24 16:01".
std::string LocalClock(std::uint64_t unix_ms);
std::string LocalDateTime(std::uint64_t unix_ms);

// Now, in Unix milliseconds.
std::uint64_t NowMs();

}  // namespace parley::client::render
