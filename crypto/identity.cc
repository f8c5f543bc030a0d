#include "crypto/identity.h"

#include <algorithm>
#include <utility>

namespace parley::crypto {

namespace {

constexpr std::uint8_t kIdentityFormatVersion = 1;
constexpr std::size_t kSerializedSize = 1 + kSigningSecretSize + 2 * kDhSecretSize;

}  // namespace

bool PublicIdentity::Verify() const {
  return VerifySignature(SignContext::kTransportKey, identity_key, transport_key,
                         transport_certificate) &&
         VerifySignature(SignContext::kAgreementKey, identity_key, agreement_key,
                         agreement_certificate);
}

Identity::Identity(SigningKeyPair signing, DhKeyPair transport, DhKeyPair agreement)
    : signing_(std::move(signing)),
      transport_(std::move(transport)),
      agreement_(std::move(agreement)) {
  public_.identity_key = signing_.public_key();
  public_.transport_key = transport_.public_key();
  public_.transport_certificate =
      signing_.Sign(SignContext::kTransportKey, transport_.public_key());
  public_.agreement_key = agreement_.public_key();
  public_.agreement_certificate =
      signing_.Sign(SignContext::kAgreementKey, agreement_.public_key());
}

Identity Identity::Generate(Random& random) {
  SigningKeyPair signing = SigningKeyPair::Generate(random);
  DhKeyPair transport = DhKeyPair::Generate(random);
  DhKeyPair agreement = DhKeyPair::Generate(random);
  return Identity(std::move(signing), std::move(transport), std::move(agreement));
}

SecureBuffer Identity::Serialize() const {
  SecureBuffer out(kSerializedSize);
  MutableByteView rest = out.mutable_view();
  rest[0] = kIdentityFormatVersion;
  rest = rest.subspan(1);
  for (ByteView secret : {signing_.secret(), transport_.secret(), agreement_.secret()}) {
    std::copy(secret.begin(), secret.end(), rest.begin());
    rest = rest.subspan(secret.size());
  }
  return out;
}

std::optional<Identity> Identity::Deserialize(ByteView serialized) {
  if (serialized.size() != kSerializedSize) return std::nullopt;
  if (serialized[0] != kIdentityFormatVersion) return std::nullopt;
  ByteView rest = serialized.subspan(1);
  std::optional<SigningKeyPair> signing =
      SigningKeyPair::FromSecret(rest.subspan(0, kSigningSecretSize));
  rest = rest.subspan(kSigningSecretSize);
  std::optional<DhKeyPair> transport = DhKeyPair::FromSecret(rest.subspan(0, kDhSecretSize));
  std::optional<DhKeyPair> agreement =
      DhKeyPair::FromSecret(rest.subspan(kDhSecretSize, kDhSecretSize));
  if (!signing || !transport || !agreement) return std::nullopt;
  return Identity(std::move(*signing), std::move(*transport), std::move(*agreement));
}

}  // namespace parley::crypto
