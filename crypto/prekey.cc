#include "crypto/prekey.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "crypto/internal/big_endian.h"

namespace parley::crypto {

std::array<std::uint8_t, 4 + kPublicKeySize> SignedPrekeyMessage(std::uint32_t id,
                                                                 const PublicKey& key) {
  std::array<std::uint8_t, 4 + kPublicKeySize> message{};
  internal::StoreU32(message.data(), id);
  std::copy(key.begin(), key.end(), message.begin() + 4);
  return message;
}

SignedPrekey SignedPrekey::Generate(const SigningKeyPair& identity, std::uint32_t id,
                                    Random& random) {
  DhKeyPair key = DhKeyPair::Generate(random);
  const Signature signature =
      identity.Sign(SignContext::kSignedPrekey, SignedPrekeyMessage(id, key.public_key()));
  return SignedPrekey{id, std::move(key), signature};
}

OneTimePrekey OneTimePrekey::Generate(std::uint32_t id, Random& random) {
  if (id == 0) std::abort();  // 0 means "no one-time prekey" on the wire: a caller bug
  return OneTimePrekey{id, DhKeyPair::Generate(random)};
}

}  // namespace parley::crypto
