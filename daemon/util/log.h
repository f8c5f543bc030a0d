// Logging: spdlog to stderr (the journal when run as a service), with levels.
// Never log a secret, a plaintext, or a long-term key id: log contact aliases
// or the first 8 hex digits of a fingerprint at most.
#pragma once

#include <spdlog/spdlog.h>

#include <string_view>

namespace parley::log {

// level: trace, debug, info, warn, error. Unknown names fall back to info.
void Init(std::string_view level);

}  // namespace parley::log
