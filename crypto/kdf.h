// Key derivation with domain separation: keyed BLAKE2b whose 16-byte
// personalisation is a label naming the purpose (docs/protocol.md §0, §3).
#pragma once

#include <cstddef>
#include <string_view>

#include "crypto/bytes.h"

namespace parley::crypto {

// Labels (at most 16 bytes each), one per derivation.
inline constexpr std::string_view kLabelX3dh = "parley-x3dh-v1";
inline constexpr std::string_view kLabelRootKey = "parley-rk-v1";
inline constexpr std::string_view kLabelChainKey = "parley-ck-v1";
inline constexpr std::string_view kLabelMessageKey = "parley-mk-v1";
inline constexpr std::string_view kLabelFingerprint = "parley-fpr-v1";
// Not keys: unkeyed digests naming directory objects and their slots (§9.5).
inline constexpr std::string_view kLabelDirectoryObject = "parley-dirobj-v1";
inline constexpr std::string_view kLabelDirectorySlot = "parley-slot-v1";

// out = BLAKE2b(key, message, out.size(), label). key may be empty (unkeyed);
// out.size() in [16, 64]. Aborts on a label longer than 16 bytes (a bug).
void DeriveKey(std::string_view label, ByteView key, ByteView message, MutableByteView out);

}  // namespace parley::crypto
