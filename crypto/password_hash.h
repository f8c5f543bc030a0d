// Passphrase → key: Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "crypto/bytes.h"
#include "crypto/secure_buffer.h"

namespace parley::crypto {

constexpr std::size_t kPasswordSaltSize = 16;

struct PasswordHashCost {
  std::uint64_t opslimit = 0;
  std::uint64_t memlimit = 0;  // bytes

  static PasswordHashCost Interactive();  // 2 passes, 64 MiB (~50 ms here)
  static PasswordHashCost Moderate();     // 3 passes, 256 MiB (~0.35 s here)
  bool InAllowedRange() const;            // within libsodium's limits for Argon2id
};

// A key_size-byte key from the passphrase. nullopt when the cost is out of
// range or the memory cannot be allocated.
std::optional<SecureBuffer> DeriveKeyFromPassphrase(ByteView passphrase, ByteView salt,
                                                    const PasswordHashCost& cost,
                                                    std::size_t key_size);

}  // namespace parley::crypto
