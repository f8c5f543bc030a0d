#include "crypto/random.h"

#include <sodium.h>

#include <array>

#include "crypto/internal/big_endian.h"
#include "crypto/sodium.h"

namespace parley::crypto {

namespace {

class SodiumRandom final : public Random {
 public:
  void Fill(MutableByteView out) override {
    if (out.empty()) return;
    EnsureSodium();
    randombytes_buf(out.data(), out.size());
  }
};

}  // namespace

Random& SystemRandom() {
  static SodiumRandom random;
  return random;
}

// The ChaCha20 key is the seed, big-endian, zero-padded to 32 bytes; each
// Fill takes a fresh keystream under the next 64-bit nonce, so no output
// ever repeats within one generator.
DeterministicRandom::DeterministicRandom(std::uint64_t seed)
    : key_(crypto_stream_chacha20_KEYBYTES) {
  internal::StoreU64(key_.data(), seed);
}

void DeterministicRandom::Fill(MutableByteView out) {
  if (out.empty()) return;
  EnsureSodium();
  std::array<std::uint8_t, crypto_stream_chacha20_NONCEBYTES> nonce{};
  internal::StoreU64(nonce.data(), counter_++);
  crypto_stream_chacha20(out.data(), out.size(), nonce.data(), key_.data());
}

}  // namespace parley::crypto
