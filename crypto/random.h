// Random: where every random byte of the crypto layer comes from.
//
// Production code uses SystemRandom(); tests and fuzzers pass a
// DeterministicRandom so that runs are repeatable (as toxcore's Random_Funcs).
#pragma once

#include <cstdint>

#include "crypto/bytes.h"
#include "crypto/secure_buffer.h"

namespace parley::crypto {

class Random {
 public:
  virtual ~Random() = default;
  virtual void Fill(MutableByteView out) = 0;
};

// libsodium's randombytes_buf. Thread-safe.
Random& SystemRandom();

// A ChaCha20 keystream from a 64-bit seed. For tests and fuzzing only: the
// output is predictable by design.
class DeterministicRandom final : public Random {
 public:
  explicit DeterministicRandom(std::uint64_t seed);
  void Fill(MutableByteView out) override;

 private:
  SecureBuffer key_;
  std::uint64_t counter_ = 0;
};

}  // namespace parley::crypto
