// What people compare: fingerprints (a short id) and safety numbers.
#pragma once

#include <string>

#include "crypto/bytes.h"

namespace parley::crypto {

// 40 hex digits in groups of four, e.g. "3f2a 91c0 ..." (docs/protocol.md §4).
std::string Fingerprint(const PublicKey& identity_key);

// 60 digits in twelve groups of five; the same for both parties whichever
// order the keys are given in.
std::string SafetyNumber(const PublicKey& identity_key_a, const PublicKey& identity_key_b);

}  // namespace parley::crypto
