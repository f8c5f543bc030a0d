#include "crypto/password_hash.h"

#include <sodium.h>

#include "crypto/sodium.h"

namespace parley::crypto {

PasswordHashCost PasswordHashCost::Interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordHashCost PasswordHashCost::Moderate() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

bool PasswordHashCost::InAllowedRange() const {
  return opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
         opslimit <= crypto_pwhash_argon2id_OPSLIMIT_MAX &&
         memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
         memlimit <= crypto_pwhash_argon2id_MEMLIMIT_MAX;
}

std::optional<SecureBuffer> DeriveKeyFromPassphrase(ByteView passphrase, ByteView salt,
                                                    const PasswordHashCost& cost,
                                                    std::size_t key_size) {
  EnsureSodium();
  if (salt.size() != kPasswordSaltSize || !cost.InAllowedRange() || key_size < 16) {
    return std::nullopt;
  }
  SecureBuffer key(key_size);
  if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(passphrase.data()),
                    passphrase.size(), salt.data(), cost.opslimit,
                    static_cast<std::size_t>(cost.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return std::nullopt;
  }
  return key;
}

}  // namespace parley::crypto
