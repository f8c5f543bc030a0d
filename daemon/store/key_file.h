// The store's key file, <home>/kdf: how to turn the passphrase into the
// store's raw key (Argon2id salt and cost) and a check value that tells a
// wrong passphrase from a damaged store. Nothing in it is secret: the check
// value lets an attacker test a guess no faster than the database itself does.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "crypto/password_hash.h"
#include "crypto/random.h"
#include "crypto/secure_buffer.h"
#include "daemon/util/status.h"

namespace parley::store {

constexpr std::size_t kStoreKeySize = 32;
constexpr std::size_t kKeyCheckSize = 16;

struct KeyFile {
  std::array<std::uint8_t, crypto::kPasswordSaltSize> salt{};
  crypto::PasswordHashCost cost;
  std::array<std::uint8_t, kKeyCheckSize> check{};
};

// Derives a new store key from `passphrase` with a fresh salt; fills `file`.
Result<crypto::SecureBuffer> NewStoreKey(crypto::ByteView passphrase,
                                         const crypto::PasswordHashCost& cost,
                                         crypto::Random& random, KeyFile& file);

// Derives the store key of `file`; kWrongPassphrase when the check fails.
Result<crypto::SecureBuffer> UnlockStoreKey(const KeyFile& file, crypto::ByteView passphrase);

// The text form of docs/protocol.md §7 (version, salt, opslimit, memlimit, check).
std::string FormatKeyFile(const KeyFile& file);
Result<KeyFile> ParseKeyFile(const std::string& text);

// Reads or atomically writes (temp file, fsync, rename, fsync directory) the file.
Result<KeyFile> ReadKeyFile(const std::string& path);
Status WriteKeyFile(const std::string& path, const KeyFile& file);

}  // namespace parley::store
