// Bounds on every quantity a peer can drive inside the crypto layer
// (docs/protocol.md §8).
#pragma once

#include <cstddef>
#include <cstdint>

namespace parley::crypto {

// Message keys that one received message may skip over in one chain.
constexpr std::uint32_t kMaxSkip = 2000;
// Skipped message keys kept per session; the oldest are dropped beyond this.
constexpr std::size_t kMaxSkippedKeys = 2000;
// Older sessions kept per contact next to the current one.
constexpr std::size_t kMaxArchivedSessions = 4;
// Largest end-to-end payload (PrekeyMessage or RatchetMessage) accepted or produced.
constexpr std::size_t kMaxPayloadSize = 96 * 1024;
// Largest caller context bound into a message's associated data (the
// daemon binds the 16-byte envelope id).
constexpr std::size_t kMaxMessageContextSize = 64;
// Largest plaintext Encrypt accepts (it must pad into kMaxPayloadSize).
constexpr std::size_t kMaxPlaintextSize = 64 * 1024 + 1024;

}  // namespace parley::crypto
