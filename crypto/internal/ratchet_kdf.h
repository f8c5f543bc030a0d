// The Double Ratchet's key derivations (docs/protocol.md §3.4). Separate from
// the state machine so that known-answer tests can reach them directly.
//
// Outputs may alias inputs: each function finishes reading before it writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "crypto/bytes.h"

namespace parley::crypto::internal {

constexpr std::size_t kChainKeySize = 32;
constexpr std::size_t kMessageKeySize = 32;
constexpr std::size_t kMessageNonceSize = 24;

using KeySpan = std::span<std::uint8_t, 32>;
using ConstKeySpan = std::span<const std::uint8_t, 32>;

// KDF_RK(rk, dh_out) = BLAKE2b(key = rk, msg = dh_out, 64, "parley-rk-v1")
//   → next_root_key [0..32), chain_key [32..64)
void KdfRootKey(ConstKeySpan root_key, ConstKeySpan dh_output, KeySpan next_root_key,
                KeySpan chain_key);

// KDF_CK: the message key of this chain step, BLAKE2b(key = ck, msg = 0x01).
void ChainMessageKey(ConstKeySpan chain_key, KeySpan message_key);
// KDF_CK: the next chain key, BLAKE2b(key = ck, msg = 0x02).
void NextChainKey(ConstKeySpan chain_key, KeySpan next_chain_key);

// Cipher keys: BLAKE2b(key = mk, msg = empty, 56, "parley-mk-v1")
//   → key [0..32), nonce [32..56)
void MessageCipherKeys(ConstKeySpan message_key, KeySpan key,
                       std::span<std::uint8_t, kMessageNonceSize> nonce);

}  // namespace parley::crypto::internal
