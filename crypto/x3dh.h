// X3DH key agreement (docs/protocol.md §3.3), with Parley's separate
// agreement key as the identity DH key.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "crypto/bytes.h"
#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "crypto/secure_buffer.h"

namespace parley::crypto {

constexpr std::size_t kAssociatedDataSize = 4 * kPublicKeySize;  // IK_A||AK_A||IK_B||AK_B
using AssociatedData = std::array<std::uint8_t, kAssociatedDataSize>;

AssociatedData MakeAssociatedData(const PublicIdentity& initiator, const PublicIdentity& responder);

struct X3dhInitiation {
  SecureBuffer shared_secret;  // SK, 32 bytes
  DhKeyPair ephemeral;         // EK_A; its public half is the session's base key
  AssociatedData associated_data{};
};

// Alice's side. nullopt when the bundle's agreement certificate or prekey
// signature does not verify, or a DH hits a low-order point.
std::optional<X3dhInitiation> X3dhInitiate(const Identity& me, const PrekeyBundle& them,
                                           Random& random);

// Bob's side. `initiator` must carry IK_A, AK_A and AK_A's certificate (the
// certificate is verified here). one_time_prekey is null when opk_id was 0.
std::optional<SecureBuffer> X3dhRespond(const Identity& me, const SignedPrekey& signed_prekey,
                                        const OneTimePrekey* one_time_prekey,
                                        const PublicIdentity& initiator,
                                        const PublicKey& ephemeral_key);

}  // namespace parley::crypto
