#include "daemon/directory/profile.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "daemon/identity/card.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"

namespace parley::directory {
namespace {

constexpr std::uint64_t kNow = 1'767'225'600'000;

ProfileFields AnnasFields() {
  ProfileFields fields;
  fields.name_latin = "Anna Ivanova";
  fields.name_cyrillic = "Анна Иванова";
  fields.state = "UZ";
  fields.organisation = "Агентство внешней трудовой миграции";
  fields.role = "Head of Unit";
  fields.bio = "Labour mobility schemes.\nReintegration of returning migrants.";
  fields.areas = {"legal-migration", "return-reintegration"};
  fields.languages = {"uz", "ru", "en"};
  return fields;
}

class ProfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto charter = CreateCharter(anchor_, "Prague Process", DefaultTaxonomy(), kNow, random_);
    ASSERT_TRUE(charter.ok()) << charter.status().message();
    charter_ = std::move(charter.value());
    auto profile = SignProfile(owner_.signing(), AnnasFields(), charter_, 1, kNow, card_.encoded);
    ASSERT_TRUE(profile.ok()) << profile.status().message();
    profile_ = std::move(profile.value());
  }

  identity::ContactCard CardOf(const crypto::Identity& identity, const std::string& name) {
    auto prekey = crypto::SignedPrekey::Generate(identity.signing(), 1, random_);
    return identity::MakeCard(identity, prekey, name, {"tcp://10.0.0.5:7470"}, kNow);
  }

  wire::ProfileBody BodyOf(const Profile& profile) {
    wire::Signed signed_profile;
    EXPECT_TRUE(signed_profile.ParseFromArray(profile.encoded.data(),
                                              static_cast<int>(profile.encoded.size())));
    wire::ProfileBody body;
    EXPECT_TRUE(body.ParseFromString(signed_profile.body()));
    return body;
  }

  static crypto::Bytes Sign(const wire::ProfileBody& body, const crypto::SigningKeyPair& signer,
                            crypto::SignContext context = crypto::SignContext::kProfile) {
    wire::Signed signed_profile;
    signed_profile.set_body(body.SerializeAsString());
    signed_profile.set_signer(AsString(signer.public_key()));
    signed_profile.set_signature(
        AsString(signer.Sign(context, crypto::AsBytes(signed_profile.body()))));
    std::string bytes = signed_profile.SerializeAsString();
    return crypto::Bytes(bytes.begin(), bytes.end());
  }

  // Anna's profile body changed by `edit`, signed again by Anna.
  Result<Profile> ParseEdited(const std::function<void(wire::ProfileBody&)>& edit) {
    wire::ProfileBody body = BodyOf(profile_);
    edit(body);
    return ParseProfile(Sign(body, owner_.signing()), charter_, kNow);
  }

  crypto::DeterministicRandom random_{31};
  crypto::SigningKeyPair anchor_ = crypto::SigningKeyPair::Generate(random_);
  crypto::Identity owner_ = crypto::Identity::Generate(random_);
  identity::ContactCard card_ = CardOf(owner_, "Анна Иванова");
  Charter charter_;
  Profile profile_;
};

TEST_F(ProfileTest, SignedProfileRoundTrips) {
  EXPECT_EQ(profile_.identity_key, owner_.public_identity().identity_key);
  EXPECT_EQ(profile_.network_id, charter_.network_id);
  EXPECT_EQ(profile_.version, 1u);
  EXPECT_EQ(profile_.created_at_ms, kNow);
  EXPECT_EQ(profile_.expires_at_ms, kNow + kProfileLifetimeMs);
  EXPECT_EQ(profile_.card, card_.encoded);

  auto parsed = ParseProfile(profile_.encoded, charter_, kNow + 1000);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->fields, AnnasFields());
  EXPECT_EQ(parsed->fields.name_cyrillic, "Анна Иванова");
  EXPECT_EQ(parsed->fields.organisation, "Агентство внешней трудовой миграции");
  EXPECT_EQ(parsed->identity_key, owner_.public_identity().identity_key);
  EXPECT_EQ(parsed->network_id, charter_.network_id);
  EXPECT_EQ(parsed->version, 1u);
  EXPECT_EQ(parsed->created_at_ms, kNow);
  EXPECT_EQ(parsed->expires_at_ms, kNow + kProfileLifetimeMs);
  EXPECT_EQ(parsed->card, card_.encoded);
  EXPECT_EQ(parsed->encoded, profile_.encoded);
}

TEST_F(ProfileTest, OnlyOneNameIsNeeded) {
  ProfileFields latin_only;
  latin_only.name_latin = "Rustam Khasanov";
  auto a = SignProfile(owner_.signing(), latin_only, charter_, 7, kNow, card_.encoded);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->version, 7u);
  EXPECT_EQ(a->fields, latin_only);

  ProfileFields cyrillic_only;
  cyrillic_only.name_cyrillic = "Рустам Хасанов";
  auto b = SignProfile(owner_.signing(), cyrillic_only, charter_, 1, kNow, card_.encoded);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->fields.name_cyrillic, "Рустам Хасанов");
  EXPECT_TRUE(b->fields.name_latin.empty());
}

TEST_F(ProfileTest, NormaliseTrimsCasesAndDedupes) {
  ProfileFields fields;
  fields.name_latin = "  Anna Ivanova \t";
  fields.name_cyrillic = "\nАнна Иванова  ";
  fields.state = " uz ";
  fields.organisation = "  Agency  ";
  fields.role = " Head of Unit\r\n";
  fields.bio = "\n  Line one.\nLine two.  \n";
  fields.areas = {"legal-migration", " Legal-Migration ", "asylum-protection", "",
                  "legal-migration"};
  fields.languages = {"RU", "en", " ru", "En", "uz", " "};
  Status status = NormaliseProfileFields(fields, charter_);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(fields.name_latin, "Anna Ivanova");
  EXPECT_EQ(fields.name_cyrillic, "Анна Иванова");
  EXPECT_EQ(fields.state, "UZ");
  EXPECT_EQ(fields.organisation, "Agency");
  EXPECT_EQ(fields.role, "Head of Unit");
  EXPECT_EQ(fields.bio, "Line one.\nLine two.");
  EXPECT_EQ(fields.areas, (std::vector<std::string>{"legal-migration", "asylum-protection"}));
  EXPECT_EQ(fields.languages, (std::vector<std::string>{"ru", "en", "uz"}));

  // Normal form is a fixed point.
  ProfileFields again = fields;
  ASSERT_TRUE(NormaliseProfileFields(again, charter_).ok());
  EXPECT_EQ(again, fields);
}

TEST_F(ProfileTest, EachInvalidFieldIsNamed) {
  struct Case {
    std::string field;
    std::function<void(ProfileFields&)> edit;
  };
  const std::vector<Case> cases = {
      {"name",
       [](ProfileFields& f) {
         f.name_latin.clear();
         f.name_cyrillic.clear();
       }},
      {"name",
       [](ProfileFields& f) {
         f.name_latin = "   ";
         f.name_cyrillic = "\t";
       }},
      {"name_latin",
       [](ProfileFields& f) { f.name_latin = std::string(kMaxPersonNameBytes + 1, 'a'); }},
      {"name_latin", [](ProfileFields& f) { f.name_latin = "Anna\x01Ivanova"; }},
      {"name_latin", [](ProfileFields& f) { f.name_latin = "Anna\nIvanova"; }},
      {"name_latin", [](ProfileFields& f) { f.name_latin = "Anna \xc3"; }},
      {"name_cyrillic",
       [](ProfileFields& f) {
         std::string long_name;
         while (long_name.size() <= kMaxPersonNameBytes) long_name += "Я";
         f.name_cyrillic = long_name;
       }},
      {"state", [](ProfileFields& f) { f.state = "XX"; }},
      {"state", [](ProfileFields& f) { f.state = "Uzbekistan"; }},
      {"state", [](ProfileFields& f) { f.state = "UZB"; }},
      {"state", [](ProfileFields& f) { f.state = "U"; }},
      {"organisation", [](ProfileFields& f) { f.organisation = "Ministry\x07of Interior"; }},
      {"organisation",
       [](ProfileFields& f) { f.organisation = std::string(kMaxOrganisationBytes + 1, 'o'); }},
      {"organisation", [](ProfileFields& f) { f.organisation = "Ministry\x7f"; }},
      {"role", [](ProfileFields& f) { f.role = std::string(kMaxRoleBytes + 1, 'r'); }},
      {"role", [](ProfileFields& f) { f.role = "Head\tof Unit"; }},
      {"bio", [](ProfileFields& f) { f.bio = std::string(kMaxBioBytes + 1, 'b'); }},
      {"bio", [](ProfileFields& f) { f.bio = "one\x1btwo"; }},
      {"areas",
       [](ProfileFields& f) {
         f.areas = {"legal-migration", "labour"};
       }},
      {"areas", [](ProfileFields& f) { f.areas = {"border-management"}; }},  // a topic
      {"areas",
       [](ProfileFields& f) {
         f.areas.clear();
         for (std::size_t i = 0; i <= kMaxProfileAreas; ++i)
           f.areas.push_back("x" + std::to_string(i));
       }},
      {"languages", [](ProfileFields& f) { f.languages = {"english"}; }},
      {"languages",
       [](ProfileFields& f) {
         f.languages = {"ru", "xx"};
       }},
      {"languages", [](ProfileFields& f) { f.languages = {"rus"}; }},
  };
  for (const Case& c : cases) {
    ProfileFields fields = AnnasFields();
    c.edit(fields);
    Status status = NormaliseProfileFields(fields, charter_);
    EXPECT_EQ(status.code(), Status::Code::kInvalidArgument) << c.field;
    EXPECT_EQ(status.message(), c.field);
  }
}

TEST_F(ProfileTest, BoundsAreInclusive) {
  ProfileFields fields = AnnasFields();
  fields.name_latin = std::string(kMaxPersonNameBytes, 'a');
  fields.organisation = std::string(kMaxOrganisationBytes, 'o');
  fields.role = std::string(kMaxRoleBytes, 'r');
  fields.bio = std::string(kMaxBioBytes, 'b');
  fields.state.clear();  // the state is optional
  fields.areas.clear();
  fields.languages.clear();
  Status status = NormaliseProfileFields(fields, charter_);
  EXPECT_TRUE(status.ok()) << status.message();
  auto signed_profile = SignProfile(owner_.signing(), fields, charter_, 1, kNow, card_.encoded);
  ASSERT_TRUE(signed_profile.ok()) << signed_profile.status().message();
  EXPECT_EQ(signed_profile->fields, fields);
}

TEST_F(ProfileTest, AnotherNetworksCharterIsRejected) {
  auto other = CreateCharter(anchor_, "Prague Process", DefaultTaxonomy(), kNow, random_);
  ASSERT_TRUE(other.ok());
  auto parsed = ParseProfile(profile_.encoded, *other, kNow);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "profile belongs to another network");
}

TEST_F(ProfileTest, ExpiredProfileIsRejected) {
  const std::uint64_t expires = profile_.expires_at_ms;
  EXPECT_TRUE(ParseProfile(profile_.encoded, charter_, expires - 1).ok());
  auto at_expiry = ParseProfile(profile_.encoded, charter_, expires);
  ASSERT_FALSE(at_expiry.ok());
  EXPECT_EQ(at_expiry.status().message(), "profile has expired");
  EXPECT_FALSE(ParseProfile(profile_.encoded, charter_, expires + 1).ok());
}

// Read back from the node's own store: everything but the signatures.
TEST_F(ProfileTest, AStoredProfileIsCheckedForAllButItsSignatures) {
  auto stored = ParseProfile(profile_.encoded, charter_, kNow, Verification::kStored);
  ASSERT_TRUE(stored.ok()) << stored.status().message();
  EXPECT_EQ(stored->fields, profile_.fields);
  EXPECT_EQ(stored->card, profile_.card);
  EXPECT_EQ(stored->encoded, profile_.encoded);
  EXPECT_EQ(stored->version, profile_.version);
  // A signature is what it skips...
  wire::Signed signed_profile;
  ASSERT_TRUE(signed_profile.ParseFromArray(profile_.encoded.data(),
                                            static_cast<int>(profile_.encoded.size())));
  std::string signature = signed_profile.signature();
  signature[0] = static_cast<char>(signature[0] ^ 1);
  signed_profile.set_signature(signature);
  const std::string bad_signature = signed_profile.SerializeAsString();
  EXPECT_FALSE(ParseProfile(crypto::AsBytes(bad_signature), charter_, kNow).ok());
  EXPECT_TRUE(
      ParseProfile(crypto::AsBytes(bad_signature), charter_, kNow, Verification::kStored).ok());
  // ... not the dates, the network or the fields.
  EXPECT_EQ(ParseProfile(profile_.encoded, charter_, profile_.expires_at_ms, Verification::kStored)
                .status()
                .message(),
            "profile has expired");
  auto other = CreateCharter(anchor_, "Prague Process", DefaultTaxonomy(), kNow, random_);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(ParseProfile(profile_.encoded, *other, kNow, Verification::kStored).ok());
  auto mallory = crypto::Identity::Generate(random_);
  EXPECT_FALSE(
      ParseProfile(Sign(BodyOf(profile_), mallory.signing()), charter_, kNow, Verification::kStored)
          .ok());
}

TEST_F(ProfileTest, ALifetimeLongerThanAllowedIsRejected) {
  auto longest = ParseEdited(
      [](wire::ProfileBody& b) { b.set_expires_at_ms(b.created_at_ms() + kProfileLifetimeMs); });
  EXPECT_TRUE(longest.ok()) << longest.status().message();
  auto too_long = ParseEdited([](wire::ProfileBody& b) {
    b.set_expires_at_ms(b.created_at_ms() + kProfileLifetimeMs + 1);
  });
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.status().message(), "profile lives longer than allowed");
}

TEST_F(ProfileTest, AProfileDatedInTheFutureIsRejected) {
  // Dated a day and a minute ahead, with a lifetime that would reach far beyond a year.
  const std::uint64_t ahead = kNow + kMaxClockSkewMs + 60'000;
  auto parsed = ParseEdited([&](wire::ProfileBody& body) {
    body.set_created_at_ms(ahead);
    body.set_expires_at_ms(ahead + kProfileLifetimeMs);
  });
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "profile is dated in the future");
  // Within the allowed skew it is fine.
  EXPECT_TRUE(ParseEdited([&](wire::ProfileBody& body) {
                body.set_created_at_ms(kNow + kMaxClockSkewMs);
              }).ok());
}

TEST_F(ProfileTest, OnlyTheCanonicalEncodingIsAccepted) {
  // The same signed profile with an unknown field appended: same signature,
  // other bytes. Accepting it would let one object have many digests.
  crypto::Bytes padded = profile_.encoded;
  const std::uint8_t unknown_field[] = {0x78, 0x01};  // field 15, varint 1
  padded.insert(padded.end(), std::begin(unknown_field), std::end(unknown_field));
  auto parsed = ParseProfile(padded, charter_, kNow);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "profile is not canonical");
}

TEST_F(ProfileTest, ASignerOtherThanTheOwnerIsRejected) {
  // A valid signature, but by someone else than the identity the body names.
  auto mallory = crypto::Identity::Generate(random_);
  auto parsed = ParseProfile(Sign(BodyOf(profile_), mallory.signing()), charter_, kNow);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "profile not signed by owner");
}

TEST_F(ProfileTest, ASignatureByAnotherKeyUnderTheOwnersNameIsRejected) {
  auto mallory = crypto::Identity::Generate(random_);
  wire::Signed signed_profile;
  ASSERT_TRUE(signed_profile.ParseFromArray(profile_.encoded.data(),
                                            static_cast<int>(profile_.encoded.size())));
  signed_profile.set_signature(AsString(mallory.signing().Sign(
      crypto::SignContext::kProfile, crypto::AsBytes(signed_profile.body()))));
  std::string bytes = signed_profile.SerializeAsString();
  auto parsed = ParseProfile(crypto::AsBytes(bytes), charter_, kNow);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "profile signature does not verify");
}

TEST_F(ProfileTest, ASignatureUnderAnotherContextIsRejected) {
  for (auto context : {crypto::SignContext::kCard, crypto::SignContext::kCharter}) {
    auto parsed = ParseProfile(Sign(BodyOf(profile_), owner_.signing(), context), charter_, kNow);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().message(), "profile signature does not verify");
  }
}

TEST_F(ProfileTest, ResigningAnUnchangedBodyIsAccepted) {
  // Each rejection below changes one thing; the unchanged body passes.
  auto parsed = ParseEdited([](wire::ProfileBody&) {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->fields, AnnasFields());
}

TEST_F(ProfileTest, ATamperedBodyIsRejected) {
  wire::Signed signed_profile;
  ASSERT_TRUE(signed_profile.ParseFromArray(profile_.encoded.data(),
                                            static_cast<int>(profile_.encoded.size())));
  wire::ProfileBody body;
  ASSERT_TRUE(body.ParseFromString(signed_profile.body()));
  body.set_state("KZ");  // the old signature is kept
  signed_profile.set_body(body.SerializeAsString());
  std::string bytes = signed_profile.SerializeAsString();
  auto parsed = ParseProfile(crypto::AsBytes(bytes), charter_, kNow);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "profile signature does not verify");
}

TEST_F(ProfileTest, AnyFlippedBitIsRejected) {
  for (std::size_t i = 0; i < profile_.encoded.size(); ++i) {
    crypto::Bytes tampered = profile_.encoded;
    tampered[i] ^= 0x08;
    EXPECT_FALSE(ParseProfile(tampered, charter_, kNow).ok()) << "byte " << i;
  }
}

TEST_F(ProfileTest, ACardOfAnotherIdentityIsRejected) {
  auto boris = crypto::Identity::Generate(random_);
  auto boris_card = CardOf(boris, "Boris");
  auto signed_with_it =
      SignProfile(owner_.signing(), AnnasFields(), charter_, 1, kNow, boris_card.encoded);
  ASSERT_FALSE(signed_with_it.ok());
  EXPECT_EQ(signed_with_it.status().message(), "profile card belongs to another identity");

  auto parsed = ParseEdited([&](wire::ProfileBody& b) {
    b.set_card(std::string(boris_card.encoded.begin(), boris_card.encoded.end()));
  });
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "profile card belongs to another identity");
}

TEST_F(ProfileTest, AMissingOrBrokenCardIsRejected) {
  EXPECT_FALSE(ParseEdited([](wire::ProfileBody& b) { b.clear_card(); }).ok());
  auto broken = ParseEdited([](wire::ProfileBody& b) {
    std::string card = b.card();
    card[card.size() / 2] = static_cast<char>(card[card.size() / 2] ^ 0x01);
    b.set_card(card);
  });
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().message().rfind("profile card: ", 0), 0u) << broken.status().message();
}

TEST_F(ProfileTest, ABodyNotInNormalFormIsRejected) {
  struct Case {
    const char* what;
    std::function<void(wire::ProfileBody&)> edit;
  };
  const std::vector<Case> cases = {
      {"lower-case state", [](wire::ProfileBody& b) { b.set_state("uz"); }},
      {"padded name", [](wire::ProfileBody& b) { b.set_name_latin(" Anna Ivanova"); }},
      {"upper-case language", [](wire::ProfileBody& b) { b.set_languages(0, "UZ"); }},
      {"repeated language", [](wire::ProfileBody& b) { b.add_languages("ru"); }},
      {"repeated area", [](wire::ProfileBody& b) { b.add_areas("legal-migration"); }},
      {"empty area", [](wire::ProfileBody& b) { b.add_areas(""); }},
  };
  for (const Case& c : cases) {
    auto parsed = ParseEdited(c.edit);
    ASSERT_FALSE(parsed.ok()) << c.what;
    EXPECT_EQ(parsed.status().message(), "profile is not in normal form") << c.what;
  }
}

TEST_F(ProfileTest, InvalidFieldsOfAReceivedProfileAreRejected) {
  auto unknown_state = ParseEdited([](wire::ProfileBody& b) { b.set_state("XX"); });
  ASSERT_FALSE(unknown_state.ok());
  EXPECT_EQ(unknown_state.status().message(), "profile field is invalid: state");

  auto unknown_area = ParseEdited([](wire::ProfileBody& b) { b.add_areas("labour"); });
  ASSERT_FALSE(unknown_area.ok());
  EXPECT_EQ(unknown_area.status().message(), "profile field is invalid: areas");

  auto nameless = ParseEdited([](wire::ProfileBody& b) {
    b.clear_name_latin();
    b.clear_name_cyrillic();
  });
  ASSERT_FALSE(nameless.ok());
  EXPECT_EQ(nameless.status().message(), "profile field is invalid: name");
}

TEST_F(ProfileTest, MalformedEnvelopesAreRejected) {
  struct Case {
    const char* what;
    std::function<void(wire::ProfileBody&)> edit;
  };
  const std::vector<Case> cases = {
      {"format 2", [](wire::ProfileBody& b) { b.set_format(2); }},
      {"version 0", [](wire::ProfileBody& b) { b.set_version(0); }},
      {"short network id", [](wire::ProfileBody& b) { b.set_network_id(std::string(15, 'n')); }},
      {"short identity key",
       [](wire::ProfileBody& b) { b.set_identity_key(b.identity_key().substr(1)); }},
  };
  for (const Case& c : cases) {
    auto parsed = ParseEdited(c.edit);
    EXPECT_FALSE(parsed.ok()) << c.what;
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument) << c.what;
  }
}

TEST_F(ProfileTest, OversizedOrUnreadableBytesAreRejected) {
  crypto::Bytes oversized = profile_.encoded;
  oversized.resize(kMaxProfileBytes + 1, 0);
  auto parsed = ParseProfile(oversized, charter_, kNow);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "profile too long");

  EXPECT_FALSE(ParseProfile({}, charter_, kNow).ok());
  const crypto::Bytes garbage = {0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f};
  EXPECT_FALSE(ParseProfile(garbage, charter_, kNow).ok());
  crypto::Bytes truncated(profile_.encoded.begin(), profile_.encoded.end() - 1);
  EXPECT_FALSE(ParseProfile(truncated, charter_, kNow).ok());
}

}  // namespace
}  // namespace parley::directory
