// A fixed, deterministic network charter for the directory fuzz targets and
// their seed generator (make_directory_seeds.cc): the same bytes on every run
// and every machine, so committed profile seeds stay valid against it. And a
// fixed web of trust in that network: statements and endorsed profiles.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "daemon/directory/charter.h"
#include "daemon/directory/profile.h"
#include "daemon/directory/statement.h"
#include "daemon/identity/card.h"

namespace parley::fuzzing {

// The time profile_fuzz parses at; seeds are signed a day before it.
constexpr std::uint64_t kFuzzNowMs = 1'767'225'600'000;
constexpr std::uint64_t kFuzzCharterCreatedMs = kFuzzNowMs - 30ULL * 24 * 3600 * 1000;
constexpr std::uint64_t kFuzzCharterSeed = 0xC4A7;

struct FixedNetwork {
  crypto::DeterministicRandom random{kFuzzCharterSeed};
  crypto::SigningKeyPair anchor = crypto::SigningKeyPair::Generate(random);
  directory::Charter charter = Make(anchor, random);

 private:
  static directory::Charter Make(const crypto::SigningKeyPair& anchor, crypto::Random& random) {
    auto charter = directory::CreateCharter(anchor, "Prague Process", directory::DefaultTaxonomy(),
                                            kFuzzCharterCreatedMs, random);
    if (!charter.ok()) __builtin_trap();
    return std::move(charter.value());
  }
};

// When the fixed web of trust signed what it holds: a day before kFuzzNowMs.
constexpr std::uint64_t kFuzzSignedAtMs = kFuzzNowMs - 24ULL * 3600 * 1000;
constexpr std::uint64_t kFuzzTrustSeed = 0x7B05;

inline directory::Statement MakeStatement(const crypto::SigningKeyPair& signer,
                                          directory::StatementKind kind,
                                          const crypto::PublicKey& subject, std::string state,
                                          std::string organisation,
                                          const directory::Charter& charter,
                                          std::uint64_t issued_at_ms = kFuzzSignedAtMs) {
  auto statement = directory::SignStatement(signer, kind, subject, std::move(state),
                                            std::move(organisation), charter, issued_at_ms);
  if (!statement.ok()) __builtin_trap();
  return std::move(statement.value());
}

// `old_key` handing over to `new_key`, agreed by it.
inline directory::Statement MakeRotation(const crypto::SigningKeyPair& old_key,
                                         const crypto::SigningKeyPair& new_key,
                                         const directory::Charter& charter,
                                         std::uint64_t issued_at_ms) {
  auto rotation = directory::SignRotation(old_key, new_key, charter, issued_at_ms);
  if (!rotation.ok()) __builtin_trap();
  return std::move(rotation.value());
}

// `owner`'s profile (fields in normal form) with a card of its own.
inline directory::Profile MakeProfile(const crypto::Identity& owner,
                                      directory::ProfileFields fields,
                                      const directory::Charter& charter, std::uint64_t version,
                                      crypto::Random& random) {
  auto prekey = crypto::SignedPrekey::Generate(owner.signing(), 1, random);
  const std::string name = fields.name_latin.empty() ? fields.name_cyrillic : fields.name_latin;
  auto card = identity::MakeCard(owner, prekey, name, {"tcp://198.51.100.9:7470"}, kFuzzSignedAtMs);
  if (!directory::NormaliseProfileFields(fields, charter).ok()) __builtin_trap();
  auto profile = directory::SignProfile(owner.signing(), fields, charter, version, kFuzzSignedAtMs,
                                        card.encoded);
  if (!profile.ok()) __builtin_trap();
  return std::move(profile.value());
}

inline directory::ProfileFields FieldsOf(std::string name, std::string state) {
  directory::ProfileFields fields;
  fields.name_latin = std::move(name);
  fields.state = std::move(state);
  fields.organisation = "Migration Service";
  fields.areas = {"legal-migration"};
  fields.languages = {"ru", "en"};
  return fields;
}

// A web of trust in the fixed network, as a node holds it after syncing:
//   anchor ──CONTACT_POINT(AM)──▶ contact_point ──ENDORSEMENT(AM)──▶ member (profile)
//   anchor ──ENDORSEMENT(UZ)──▶ expert (profile)
//   anchor ──CONTACT_POINT(GE)──▶ suspended ◀──SUSPENSION── anchor
//   anchor ──CONTACT_POINT(KZ)──▶ rotated ──ROTATION──▶ successor
// Every object is signed at kFuzzSignedAtMs, but the rotation an hour later
// (kFuzzRotatedAtMs). The rotated contact point's keys come from a random of
// their own, so that everything else stays as it was before rotations.
constexpr std::uint64_t kFuzzRotatedAtMs = kFuzzSignedAtMs + 3600ULL * 1000;
constexpr std::uint64_t kFuzzRotationSeed = 0x807A;

struct FixedTrust {
  explicit FixedTrust(const FixedNetwork& network)
      : delegation(MakeStatement(network.anchor, directory::StatementKind::kContactPoint,
                                 contact_point.public_key(), "AM", "", network.charter)),
        endorsement(MakeStatement(contact_point, directory::StatementKind::kEndorsement,
                                  member.signing().public_key(), "AM",
                                  "Migration Service of Armenia", network.charter)),
        anchor_endorsement(MakeStatement(network.anchor, directory::StatementKind::kEndorsement,
                                         expert.signing().public_key(), "UZ",
                                         "Agency for External Labour Migration", network.charter)),
        old_delegation(MakeStatement(network.anchor, directory::StatementKind::kContactPoint,
                                     suspended.public_key(), "GE", "", network.charter)),
        suspension(MakeStatement(network.anchor, directory::StatementKind::kSuspension,
                                 suspended.public_key(), "", "", network.charter)),
        member_profile(
            MakeProfile(member, FieldsOf("Ani Hakobyan", "AM"), network.charter, 1, random)),
        expert_profile(
            MakeProfile(expert, FieldsOf("Dilnoza Karimova", "UZ"), network.charter, 2, random)),
        rotated_delegation(MakeStatement(network.anchor, directory::StatementKind::kContactPoint,
                                         rotated.public_key(), "KZ", "", network.charter)),
        rotation(MakeRotation(rotated, successor, network.charter, kFuzzRotatedAtMs)) {}

  crypto::DeterministicRandom random{kFuzzTrustSeed};
  crypto::SigningKeyPair contact_point = crypto::SigningKeyPair::Generate(random);
  crypto::Identity member = crypto::Identity::Generate(random);
  crypto::Identity expert = crypto::Identity::Generate(random);
  crypto::SigningKeyPair suspended = crypto::SigningKeyPair::Generate(random);

  directory::Statement delegation;
  directory::Statement endorsement;
  directory::Statement anchor_endorsement;
  directory::Statement old_delegation;
  directory::Statement suspension;
  directory::Profile member_profile;
  directory::Profile expert_profile;

  crypto::DeterministicRandom rotation_random{kFuzzRotationSeed};
  crypto::SigningKeyPair rotated = crypto::SigningKeyPair::Generate(rotation_random);
  crypto::SigningKeyPair successor = crypto::SigningKeyPair::Generate(rotation_random);
  directory::Statement rotated_delegation;
  directory::Statement rotation;
};

}  // namespace parley::fuzzing
