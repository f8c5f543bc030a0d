#include "daemon/directory/charter.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "crypto/base64.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"

namespace parley::directory {
namespace {

constexpr std::uint64_t kNow = 1'767'225'600'000;

class CharterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto charter = CreateCharter(anchor_, "Prague Process", DefaultTaxonomy(), kNow, random_);
    ASSERT_TRUE(charter.ok()) << charter.status().message();
    charter_ = std::move(charter.value());
  }

  // The charter's body, changed by `edit`, signed again by `signer` under
  // `context`, with `signer` named as the signer.
  crypto::Bytes Resigned(const std::function<void(wire::CharterBody&)>& edit,
                         const crypto::SigningKeyPair& signer,
                         crypto::SignContext context = crypto::SignContext::kCharter) {
    wire::Signed signed_charter;
    EXPECT_TRUE(signed_charter.ParseFromArray(charter_.encoded.data(),
                                              static_cast<int>(charter_.encoded.size())));
    wire::CharterBody body;
    EXPECT_TRUE(body.ParseFromString(signed_charter.body()));
    edit(body);
    signed_charter.set_body(body.SerializeAsString());
    signed_charter.set_signer(AsString(signer.public_key()));
    signed_charter.set_signature(
        AsString(signer.Sign(context, crypto::AsBytes(signed_charter.body()))));
    std::string bytes = signed_charter.SerializeAsString();
    return crypto::Bytes(bytes.begin(), bytes.end());
  }

  Status Rejection(const std::function<void(wire::CharterBody&)>& edit) {
    return ParseCharterBytes(Resigned(edit, anchor_)).status();
  }

  crypto::DeterministicRandom random_{21};
  crypto::SigningKeyPair anchor_ = crypto::SigningKeyPair::Generate(random_);
  Charter charter_;
};

TEST_F(CharterTest, CreatedCharterNamesItsAnchorAndTaxonomy) {
  EXPECT_EQ(charter_.name, "Prague Process");
  EXPECT_EQ(charter_.version, 1u);
  EXPECT_EQ(charter_.created_at_ms, kNow);
  ASSERT_EQ(charter_.anchor_keys.size(), 1u);
  EXPECT_EQ(charter_.anchor_keys[0], anchor_.public_key());
  EXPECT_EQ(charter_.signer, anchor_.public_key());
  EXPECT_TRUE(charter_.IsAnchor(anchor_.public_key()));
  EXPECT_NE(charter_.network_id, NetworkId{});
  EXPECT_EQ(charter_.areas.size(), DefaultTaxonomy().size());
  EXPECT_TRUE(charter_.HasArea("asylum-protection"));
  EXPECT_FALSE(charter_.HasArea("asylum"));
  EXPECT_FALSE(charter_.HasArea(""));
}

TEST_F(CharterTest, OnlyTheCanonicalEncodingIsAccepted) {
  crypto::Bytes padded = charter_.encoded;
  const std::uint8_t unknown_field[] = {0x78, 0x01};  // field 15, varint 1
  padded.insert(padded.end(), std::begin(unknown_field), std::end(unknown_field));
  auto parsed = ParseCharterBytes(padded);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "charter is not canonical");
}

TEST_F(CharterTest, TwoNetworksHaveDifferentIds) {
  auto other = CreateCharter(anchor_, "Prague Process", DefaultTaxonomy(), kNow, random_);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->network_id, charter_.network_id);
}

TEST_F(CharterTest, TextRoundTrips) {
  std::string text = charter_.Text();
  EXPECT_EQ(text.rfind("parley-charter:", 0), 0u);
  auto parsed = ParseCharterText(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->name, "Prague Process");
  EXPECT_EQ(parsed->network_id, charter_.network_id);
  EXPECT_EQ(parsed->version, 1u);
  EXPECT_EQ(parsed->created_at_ms, kNow);
  EXPECT_EQ(parsed->anchor_keys, charter_.anchor_keys);
  EXPECT_EQ(parsed->signer, anchor_.public_key());
  EXPECT_EQ(parsed->encoded, charter_.encoded);
  ASSERT_EQ(parsed->areas.size(), charter_.areas.size());
  for (std::size_t i = 0; i < parsed->areas.size(); ++i) {
    const Area& got = parsed->areas[i];
    const Area& want = charter_.areas[i];
    EXPECT_EQ(got.slug, want.slug);
    EXPECT_EQ(got.name_en, want.name_en);
    EXPECT_EQ(got.name_ru, want.name_ru);
    EXPECT_EQ(got.priority, want.priority);
    ASSERT_EQ(got.topics.size(), want.topics.size()) << got.slug;
    for (std::size_t j = 0; j < got.topics.size(); ++j) {
      EXPECT_EQ(got.topics[j].slug, want.topics[j].slug);
      EXPECT_EQ(got.topics[j].name_en, want.topics[j].name_en);
      EXPECT_EQ(got.topics[j].name_ru, want.topics[j].name_ru);
    }
  }
}

TEST_F(CharterTest, BytesRoundTrip) {
  auto parsed = ParseCharterBytes(charter_.encoded);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->network_id, charter_.network_id);
  EXPECT_EQ(parsed->encoded, charter_.encoded);
}

TEST_F(CharterTest, WhitespaceAroundTheTextIsIgnored) {
  auto parsed = ParseCharterText("  \n\t" + charter_.Text() + "\r\n  ");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->network_id, charter_.network_id);
}

TEST(DefaultTaxonomyTest, HasThePragueProcessSixAreas) {
  const std::vector<std::string> slugs = {"irregular-migration",   "return-reintegration",
                                          "legal-migration",       "integration",
                                          "migration-development", "asylum-protection"};
  const std::vector<bool> priorities = {true, true, true, false, false, true};
  auto areas = DefaultTaxonomy();
  ASSERT_EQ(areas.size(), slugs.size());
  for (std::size_t i = 0; i < areas.size(); ++i) {
    EXPECT_EQ(areas[i].slug, slugs[i]);
    EXPECT_EQ(areas[i].priority, priorities[i]) << areas[i].slug;
    EXPECT_FALSE(areas[i].name_en.empty()) << areas[i].slug;
    EXPECT_FALSE(areas[i].name_ru.empty()) << areas[i].slug;
    EXPECT_TRUE(IsValidSlug(areas[i].slug));
    EXPECT_FALSE(areas[i].topics.empty()) << areas[i].slug;
    EXPECT_LE(areas[i].topics.size(), kMaxTopicsPerArea);
    for (const Topic& topic : areas[i].topics) {
      EXPECT_TRUE(IsValidSlug(topic.slug)) << topic.slug;
      EXPECT_FALSE(topic.name_en.empty()) << topic.slug;
      EXPECT_FALSE(topic.name_ru.empty()) << topic.slug;
    }
  }
}

TEST(SlugTest, OnlyLowerCaseDigitsAndInnerHyphens) {
  EXPECT_TRUE(IsValidSlug("asylum-protection"));
  EXPECT_TRUE(IsValidSlug("a"));
  EXPECT_TRUE(IsValidSlug("area-2"));
  EXPECT_TRUE(IsValidSlug(std::string(kMaxSlugBytes, 'a')));
  EXPECT_FALSE(IsValidSlug(""));
  EXPECT_FALSE(IsValidSlug(std::string(kMaxSlugBytes + 1, 'a')));
  EXPECT_FALSE(IsValidSlug("-asylum"));
  EXPECT_FALSE(IsValidSlug("asylum-"));
  EXPECT_FALSE(IsValidSlug("Asylum"));
  EXPECT_FALSE(IsValidSlug("asylum protection"));
  EXPECT_FALSE(IsValidSlug("asylum_protection"));
  EXPECT_FALSE(IsValidSlug("убежище"));
}

TEST_F(CharterTest, ATamperedBodyIsRejected) {
  wire::Signed signed_charter;
  ASSERT_TRUE(signed_charter.ParseFromArray(charter_.encoded.data(),
                                            static_cast<int>(charter_.encoded.size())));
  wire::CharterBody body;
  ASSERT_TRUE(body.ParseFromString(signed_charter.body()));
  body.set_name("Prague Procesz");  // the signature is left as it was
  signed_charter.set_body(body.SerializeAsString());
  std::string bytes = signed_charter.SerializeAsString();
  auto parsed = ParseCharterBytes(crypto::AsBytes(bytes));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "charter signature does not verify");
}

TEST_F(CharterTest, AnyFlippedBitIsRejected) {
  for (std::size_t i = 0; i < charter_.encoded.size(); ++i) {
    crypto::Bytes tampered = charter_.encoded;
    tampered[i] ^= 0x10;
    EXPECT_FALSE(ParseCharterBytes(tampered).ok()) << "byte " << i;
  }
}

TEST_F(CharterTest, ASignatureByAKeyThatIsNotTheNamedAnchorIsRejected) {
  // The signer field still names the anchor; the signature is another key's.
  auto stranger = crypto::SigningKeyPair::Generate(random_);
  wire::Signed signed_charter;
  ASSERT_TRUE(signed_charter.ParseFromArray(charter_.encoded.data(),
                                            static_cast<int>(charter_.encoded.size())));
  signed_charter.set_signature(AsString(
      stranger.Sign(crypto::SignContext::kCharter, crypto::AsBytes(signed_charter.body()))));
  std::string bytes = signed_charter.SerializeAsString();
  auto parsed = ParseCharterBytes(crypto::AsBytes(bytes));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "charter signature does not verify");
}

TEST_F(CharterTest, ASignerOutsideTheAnchorListIsRejected) {
  auto stranger = crypto::SigningKeyPair::Generate(random_);
  auto parsed = ParseCharterBytes(Resigned([](wire::CharterBody&) {}, stranger));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "charter is not signed by one of its anchors");
}

TEST_F(CharterTest, ASignatureMadeForAnotherContextIsRejected) {
  auto parsed =
      ParseCharterBytes(Resigned([](wire::CharterBody&) {}, anchor_, crypto::SignContext::kCard));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "charter signature does not verify");
  parsed = ParseCharterBytes(
      Resigned([](wire::CharterBody&) {}, anchor_, crypto::SignContext::kProfile));
  EXPECT_FALSE(parsed.ok());
}

TEST_F(CharterTest, ResigningAnUnchangedBodyIsAccepted) {
  // The helper below is only a fair test of each rejection if an untouched
  // body passes through it.
  auto parsed = ParseCharterBytes(Resigned([](wire::CharterBody&) {}, anchor_));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->network_id, charter_.network_id);
}

TEST_F(CharterTest, MalformedBodiesAreRejectedEvenWhenSignedByTheAnchor) {
  struct Case {
    const char* what;
    std::function<void(wire::CharterBody&)> edit;
  };
  const std::vector<Case> cases = {
      {"format 2", [](wire::CharterBody& b) { b.set_format(2); }},
      {"format 0", [](wire::CharterBody& b) { b.set_format(0); }},
      {"short network id", [](wire::CharterBody& b) { b.set_network_id(std::string(15, 'n')); }},
      {"long network id", [](wire::CharterBody& b) { b.set_network_id(std::string(17, 'n')); }},
      {"version 0", [](wire::CharterBody& b) { b.set_version(0); }},
      {"empty name", [](wire::CharterBody& b) { b.set_name(""); }},
      {"long name",
       [](wire::CharterBody& b) { b.set_name(std::string(kMaxNetworkNameBytes + 1, 'n')); }},
      {"name not UTF-8", [](wire::CharterBody& b) { b.set_name("Prague \xc3"); }},
      {"short anchor key", [](wire::CharterBody& b) { b.add_anchor_keys(std::string(31, 'k')); }},
      {"zero areas", [](wire::CharterBody& b) { b.clear_areas(); }},
      {"too many areas",
       [](wire::CharterBody& b) {
         for (std::size_t i = 0; i < kMaxAreas; ++i) {
           auto* area = b.add_areas();
           area->set_slug("extra-" + std::to_string(i));
           area->set_name_en("Extra");
           area->set_name_ru("Дополнительно");
         }
       }},
      {"bad area slug", [](wire::CharterBody& b) { b.mutable_areas(0)->set_slug("Bad Slug"); }},
      {"duplicate area slug",
       [](wire::CharterBody& b) { b.mutable_areas(1)->set_slug(b.areas(0).slug()); }},
      {"area without English name",
       [](wire::CharterBody& b) { b.mutable_areas(0)->set_name_en(""); }},
      {"area without Russian name",
       [](wire::CharterBody& b) { b.mutable_areas(0)->set_name_ru(""); }},
      {"bad topic slug",
       [](wire::CharterBody& b) { b.mutable_areas(0)->mutable_topics(0)->set_slug("-x"); }},
      {"duplicate topic slug",
       [](wire::CharterBody& b) {
         auto* area = b.mutable_areas(0);
         area->mutable_topics(1)->set_slug(area->topics(0).slug());
       }},
  };
  for (const Case& c : cases) {
    Status status = Rejection(c.edit);
    EXPECT_FALSE(status.ok()) << c.what;
    EXPECT_EQ(status.code(), Status::Code::kInvalidArgument) << c.what;
    EXPECT_FALSE(status.message().empty()) << c.what;
  }
}

TEST_F(CharterTest, AtMostKMaxAnchors) {
  std::vector<crypto::SigningKeyPair> extra;
  for (std::size_t i = 0; i < kMaxAnchors; ++i) {
    extra.push_back(crypto::SigningKeyPair::Generate(random_));
  }
  auto with_extra = [&](std::size_t n) {
    return [&extra, n](wire::CharterBody& b) {
      for (std::size_t i = 0; i < n; ++i) b.add_anchor_keys(AsString(extra[i].public_key()));
    };
  };
  // kMaxAnchors in all is fine, and any of them may sign.
  auto full = ParseCharterBytes(Resigned(with_extra(kMaxAnchors - 1), extra[3]));
  ASSERT_TRUE(full.ok()) << full.status().message();
  EXPECT_EQ(full->anchor_keys.size(), kMaxAnchors);
  EXPECT_TRUE(full->IsAnchor(extra[3].public_key()));
  EXPECT_EQ(full->signer, extra[3].public_key());

  Status too_many = Rejection(with_extra(kMaxAnchors));
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.message(), "a charter has 1.." + std::to_string(kMaxAnchors) + " anchors");

  Status none = Rejection([](wire::CharterBody& b) { b.clear_anchor_keys(); });
  EXPECT_FALSE(none.ok());
}

TEST_F(CharterTest, CreateChecksWhatItSigns) {
  auto empty_name = CreateCharter(anchor_, "", DefaultTaxonomy(), kNow, random_);
  ASSERT_FALSE(empty_name.ok());
  EXPECT_EQ(empty_name.status().code(), Status::Code::kInvalidArgument);

  auto no_areas = CreateCharter(anchor_, "Network", {}, kNow, random_);
  EXPECT_FALSE(no_areas.ok());

  auto bad_slug = DefaultTaxonomy();
  bad_slug[2].slug = "legal migration";
  EXPECT_FALSE(CreateCharter(anchor_, "Network", bad_slug, kNow, random_).ok());

  auto duplicate = DefaultTaxonomy();
  duplicate[5].slug = duplicate[0].slug;
  EXPECT_FALSE(CreateCharter(anchor_, "Network", duplicate, kNow, random_).ok());

  std::vector<Area> minimal = {{"only", "Only", "Единственная", false, {}}};
  auto one_area = CreateCharter(anchor_, "Сеть", minimal, kNow, random_);
  ASSERT_TRUE(one_area.ok()) << one_area.status().message();
  EXPECT_EQ(one_area->name, "Сеть");
  ASSERT_EQ(one_area->areas.size(), 1u);
  EXPECT_TRUE(one_area->areas[0].topics.empty());
}

TEST_F(CharterTest, MalformedTextIsRejectedWithAReason) {
  const std::string body = charter_.Text().substr(kCharterPrefix.size());
  const std::vector<std::string> bad = {
      "",
      "   ",
      "parley-charter:",
      "parley-charter:!!!not base64!!!",
      "parley-charter:" + body.substr(0, body.size() / 2),
      body,                        // no prefix
      "parley:" + body,            // a card's prefix
      "PARLEY-CHARTER:" + body,    // the prefix is case-sensitive
      "x parley-charter:" + body,  // not at the start
      "parley-charter: " + body,   // a space inside
      "parley-charter:" + std::string(kMaxCharterBytes * 4 / 3 + 5, 'A'),
  };
  for (const std::string& text : bad) {
    auto parsed = ParseCharterText(text);
    EXPECT_FALSE(parsed.ok()) << text.substr(0, 40);
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument) << text.substr(0, 40);
    EXPECT_FALSE(parsed.status().message().empty());
  }
  EXPECT_EQ(ParseCharterText("parley-charter:" + std::string(kMaxCharterBytes * 4 / 3 + 5, 'A'))
                .status()
                .message(),
            "charter too long");
  EXPECT_EQ(ParseCharterText(body).status().message(),
            "not a charter: it must start with parley-charter:");
  EXPECT_EQ(ParseCharterText("parley-charter:!!!").status().message(),
            "charter is not valid base64url");
}

TEST_F(CharterTest, OversizedOrUnreadableBytesAreRejected) {
  crypto::Bytes oversized = charter_.encoded;
  oversized.resize(kMaxCharterBytes + 1, 0);
  auto parsed = ParseCharterBytes(oversized);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "charter too long");

  // Text whose bytes would be over the bound is refused as well.
  EXPECT_FALSE(ParseCharterText("parley-charter:" + crypto::ToBase64Url(oversized)).ok());

  EXPECT_FALSE(ParseCharterBytes({}).ok());
  const crypto::Bytes garbage = {0xff, 0xff, 0xff, 0xff, 0x0f};
  EXPECT_FALSE(ParseCharterBytes(garbage).ok());
  crypto::Bytes truncated(
      charter_.encoded.begin(),
      charter_.encoded.begin() + static_cast<std::ptrdiff_t>(charter_.encoded.size() - 1));
  EXPECT_FALSE(ParseCharterBytes(truncated).ok());
}

// The secretariat's amendments (docs/protocol.md §9.1).
std::vector<Area> WithClimateMobility(std::vector<Area> areas) {
  areas.push_back(
      Area{"climate-mobility",
           "Climate and mobility",
           "Климат и мобильность",
           false,
           {Topic{"disaster-displacement", "Disaster displacement", "Перемещение при бедствиях"}}});
  return areas;
}

TEST_F(CharterTest, AnAmendmentIsTheNextVersionOfTheSameNetwork) {
  auto amended =
      AmendCharter(charter_, anchor_, "Prague Process Dialogue",
                   WithClimateMobility(charter_.areas), charter_.anchor_keys, kNow + 1000);
  ASSERT_TRUE(amended.ok()) << amended.status().message();
  EXPECT_EQ(amended->version, 2u);
  EXPECT_EQ(amended->network_id, charter_.network_id);
  EXPECT_EQ(amended->anchor_keys, charter_.anchor_keys);
  EXPECT_EQ(amended->name, "Prague Process Dialogue");
  EXPECT_TRUE(amended->HasArea("climate-mobility"));
  EXPECT_TRUE(CheckAmendment(charter_, *amended).ok());
  // Members receive it as bytes, verified like any charter.
  auto received = ParseCharterBytes(amended->encoded);
  ASSERT_TRUE(received.ok());
  EXPECT_EQ(received->areas.back().topics.at(0).name_ru, "Перемещение при бедствиях");
  // Amendments go on from there; an old version never replaces a newer one.
  auto third = AmendCharter(*amended, anchor_, amended->name, amended->areas, amended->anchor_keys,
                            kNow + 2000);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->version, 3u);
  EXPECT_FALSE(CheckAmendment(*third, *amended).ok());
  EXPECT_FALSE(CheckAmendment(*amended, *amended).ok());
}

TEST_F(CharterTest, AnAmendmentMayRenameButNeverRemoveAnArea) {
  std::vector<Area> renamed = charter_.areas;
  renamed[0].name_en = "Irregular migration and smuggling";
  renamed[0].priority = !renamed[0].priority;
  renamed[0].topics.clear();
  EXPECT_TRUE(
      AmendCharter(charter_, anchor_, charter_.name, renamed, charter_.anchor_keys, kNow).ok());

  std::vector<Area> removed(charter_.areas.begin() + 1, charter_.areas.end());
  auto refused =
      AmendCharter(charter_, anchor_, charter_.name, removed, charter_.anchor_keys, kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(refused.status().message().find(charter_.areas[0].slug), std::string::npos);
  // The charter's own bounds apply too.
  auto bad_slug = WithClimateMobility(charter_.areas);
  bad_slug.back().slug = "Climate Mobility";
  EXPECT_EQ(AmendCharter(charter_, anchor_, charter_.name, bad_slug, charter_.anchor_keys, kNow)
                .status()
                .code(),
            Status::Code::kInvalidArgument);
}

TEST_F(CharterTest, OnlyAnAnchorOfTheCurrentVersionAmendsIt) {
  crypto::SigningKeyPair stranger = crypto::SigningKeyPair::Generate(random_);
  EXPECT_EQ(
      AmendCharter(charter_, stranger, charter_.name, charter_.areas, charter_.anchor_keys, kNow)
          .status()
          .code(),
      Status::Code::kPermissionDenied);
  // A stranger's charter claiming the network, with itself as the anchor:
  // valid on its own, but no amendment of the one held.
  Charter claimed = charter_;
  claimed.anchor_keys = {stranger.public_key()};
  auto forged =
      AmendCharter(claimed, stranger, "Hijacked", charter_.areas, claimed.anchor_keys, kNow);
  ASSERT_TRUE(forged.ok());
  EXPECT_FALSE(CheckAmendment(charter_, *forged).ok());
  // Another network's charter is no amendment either.
  auto other = CreateCharter(anchor_, "Other", DefaultTaxonomy(), kNow, random_);
  ASSERT_TRUE(other.ok());
  auto other_next = AmendCharter(*other, anchor_, "Other", other->areas, other->anchor_keys, kNow);
  ASSERT_TRUE(other_next.ok());
  EXPECT_FALSE(CheckAmendment(charter_, *other_next).ok());
}

TEST_F(CharterTest, AnAmendmentChangesTheAnchorsAndOnlyTheFirstAnchorSignsOne) {
  crypto::SigningKeyPair second = crypto::SigningKeyPair::Generate(random_);
  auto both = AmendCharter(charter_, anchor_, charter_.name, charter_.areas,
                           {anchor_.public_key(), second.public_key()}, kNow);
  ASSERT_TRUE(both.ok()) << both.status().message();
  EXPECT_EQ(both->anchor_keys,
            (std::vector<crypto::PublicKey>{anchor_.public_key(), second.public_key()}));
  EXPECT_TRUE(CheckAmendment(charter_, *both).ok());
  // The second anchor cannot sign the next version: two amendments of one
  // version would never converge.
  EXPECT_EQ(
      AmendCharter(*both, second, both->name, both->areas, both->anchor_keys, kNow).status().code(),
      Status::Code::kPermissionDenied);
  Charter claimed = *both;
  claimed.anchor_keys = {second.public_key(), anchor_.public_key()};
  auto by_second =
      AmendCharter(claimed, second, both->name, both->areas, claimed.anchor_keys, kNow);
  ASSERT_TRUE(by_second.ok());
  EXPECT_FALSE(CheckAmendment(*both, *by_second).ok());
  // Once the first anchor puts it first, it signs the next one.
  auto handed = AmendCharter(*both, anchor_, both->name, both->areas,
                             {second.public_key(), anchor_.public_key()}, kNow);
  ASSERT_TRUE(handed.ok());
  auto next =
      AmendCharter(*handed, second, "By the second", handed->areas, {second.public_key()}, kNow);
  ASSERT_TRUE(next.ok()) << next.status().message();
  EXPECT_TRUE(CheckAmendment(*handed, *next).ok());

  // No anchor twice, none removing itself, none at all, at most kMaxAnchors.
  EXPECT_EQ(AmendCharter(charter_, anchor_, charter_.name, charter_.areas,
                         {anchor_.public_key(), anchor_.public_key()}, kNow)
                .status()
                .code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(
      AmendCharter(charter_, anchor_, charter_.name, charter_.areas, {second.public_key()}, kNow)
          .status()
          .code(),
      Status::Code::kInvalidArgument);
  std::vector<crypto::PublicKey> many{anchor_.public_key()};
  while (many.size() <= kMaxAnchors)
    many.push_back(crypto::SigningKeyPair::Generate(random_).public_key());
  EXPECT_EQ(
      AmendCharter(charter_, anchor_, charter_.name, charter_.areas, many, kNow).status().code(),
      Status::Code::kInvalidArgument);
}

TEST(AnchorKeyTextTest, RoundTripsAndRefusesAnythingElse) {
  crypto::DeterministicRandom random(5);
  const auto key = crypto::SigningKeyPair::Generate(random).public_key();
  const std::string text = AnchorKeyText(key);
  EXPECT_EQ(text.rfind("parley-anchor:", 0), 0u);
  auto parsed = ParseAnchorKeyText("  " + text + "\n");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value(), key);
  for (const std::string& bad : {std::string("parley-anchor:"), std::string("parley-anchor:AAAA"),
                                 std::string("parley-card:") + text.substr(14), text + "AAAA",
                                 std::string("parley-anchor:") + std::string(200, 'A')}) {
    EXPECT_EQ(ParseAnchorKeyText(bad).status().code(), Status::Code::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace parley::directory
