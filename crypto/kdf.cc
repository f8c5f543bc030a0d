#include "crypto/kdf.h"

#include <sodium.h>

#include <array>
#include <cstdlib>
#include <cstring>

#include "crypto/sodium.h"

namespace parley::crypto {

void DeriveKey(std::string_view label, ByteView key, ByteView message, MutableByteView out) {
  static_assert(crypto_generichash_blake2b_PERSONALBYTES == 16);
  // Wrong sizes are programming errors, never peer input: abort.
  if (label.size() > crypto_generichash_blake2b_PERSONALBYTES) std::abort();
  if (out.size() < crypto_generichash_blake2b_BYTES_MIN ||
      out.size() > crypto_generichash_blake2b_BYTES_MAX) {
    std::abort();
  }
  if (!key.empty() && (key.size() < crypto_generichash_blake2b_KEYBYTES_MIN ||
                       key.size() > crypto_generichash_blake2b_KEYBYTES_MAX)) {
    std::abort();
  }
  EnsureSodium();
  std::array<std::uint8_t, crypto_generichash_blake2b_PERSONALBYTES> personal{};
  std::memcpy(personal.data(), label.data(), label.size());
  // A null salt is the all-zero salt (docs/protocol.md §0).
  crypto_generichash_blake2b_salt_personal(out.data(), out.size(), message.data(), message.size(),
                                           key.empty() ? nullptr : key.data(), key.size(), nullptr,
                                           personal.data());
}

}  // namespace parley::crypto
