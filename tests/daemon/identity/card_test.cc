#include "daemon/identity/card.h"

#include <gtest/gtest.h>

#include "crypto/base64.h"
#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "proto/wire.pb.h"

namespace parley::identity {
namespace {

class CardTest : public ::testing::Test {
 protected:
  crypto::DeterministicRandom random_{11};
  crypto::Identity identity_ = crypto::Identity::Generate(random_);
  crypto::SignedPrekey prekey_ = crypto::SignedPrekey::Generate(identity_.signing(), 1, random_);
  ContactCard card_ =
      MakeCard(identity_, prekey_, "Олена Коваленко", {"tcp://10.0.0.5:7470"}, 1234);
};

TEST_F(CardTest, TextRoundTrips) {
  std::string text = card_.Text();
  EXPECT_EQ(text.rfind("parley:", 0), 0u);
  auto parsed = ParseCardText("  " + text + "\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->name, "Олена Коваленко");
  EXPECT_EQ(parsed->endpoints, std::vector<std::string>{"tcp://10.0.0.5:7470"});
  EXPECT_EQ(parsed->identity.identity_key, identity_.public_identity().identity_key);
  EXPECT_EQ(parsed->identity.transport_key, identity_.public_identity().transport_key);
  EXPECT_EQ(parsed->signed_prekey, prekey_.key.public_key());
  EXPECT_EQ(parsed->encoded, card_.encoded);
}

TEST_F(CardTest, AnyFlippedBitIsRejected) {
  for (std::size_t i = 0; i < card_.encoded.size(); ++i) {
    crypto::Bytes tampered = card_.encoded;
    tampered[i] ^= 0x04;
    EXPECT_FALSE(ParseCardBytes(tampered).ok()) << "byte " << i;
  }
}

TEST_F(CardTest, ABodySignedByAnotherKeyIsRejected) {
  wire::Card card;
  ASSERT_TRUE(card.ParseFromArray(card_.encoded.data(), static_cast<int>(card_.encoded.size())));
  auto other = crypto::Identity::Generate(random_);
  auto signature = other.signing().Sign(crypto::SignContext::kCard, crypto::AsBytes(card.body()));
  card.set_signature(std::string(signature.begin(), signature.end()));
  std::string bytes = card.SerializeAsString();
  EXPECT_FALSE(ParseCardBytes(crypto::AsBytes(bytes)).ok());
}

TEST_F(CardTest, MalformedTextIsRejectedWithAReason) {
  for (const std::string& bad :
       {std::string(""), std::string("parley:"), std::string("parley:!!!"), std::string("hello"),
        std::string("parley:") + std::string(5000, 'A'),
        std::string("PARLEY:") + card_.Text().substr(7)}) {
    auto parsed = ParseCardText(bad);
    EXPECT_FALSE(parsed.ok()) << bad.substr(0, 40);
    EXPECT_FALSE(parsed.status().message().empty());
  }
}

TEST_F(CardTest, BoundsOnNameAndEndpoints) {
  auto too_long =
      MakeCard(identity_, prekey_, std::string(kMaxNameBytes + 1, 'x'), {"tcp://h:1"}, 0);
  EXPECT_FALSE(ParseCardBytes(too_long.encoded).ok());
  auto no_endpoint = MakeCard(identity_, prekey_, "x", {}, 0);
  EXPECT_FALSE(ParseCardBytes(no_endpoint.encoded).ok());
  auto bad_endpoint = MakeCard(identity_, prekey_, "x", {"udp://h:1"}, 0);
  EXPECT_FALSE(ParseCardBytes(bad_endpoint.encoded).ok());
  auto too_many = MakeCard(identity_, prekey_, "x", std::vector<std::string>(5, "tcp://h:1"), 0);
  EXPECT_FALSE(ParseCardBytes(too_many.encoded).ok());
}

TEST(EndpointTest, OnlyTcpHostPort) {
  EXPECT_TRUE(IsValidEndpoint("tcp://127.0.0.1:7470"));
  EXPECT_TRUE(IsValidEndpoint("tcp://expert.example.org:1"));
  EXPECT_FALSE(IsValidEndpoint("tcp://127.0.0.1:0"));
  EXPECT_FALSE(IsValidEndpoint("tcp://127.0.0.1:65536"));
  EXPECT_FALSE(IsValidEndpoint("tcp://:7470"));
  EXPECT_FALSE(IsValidEndpoint("ipc:///tmp/x"));
  EXPECT_FALSE(IsValidEndpoint("tcp://a b:1"));
}

TEST(Utf8Test, AcceptsValidAndRejectsInvalid) {
  EXPECT_TRUE(IsValidUtf8("Пражский процесс — Prague Process 🌍"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
  // A bad byte anywhere in a long ASCII run (read eight bytes at a time).
  for (std::size_t at = 0; at < 24; ++at) {
    std::string text(24, 'a');
    EXPECT_TRUE(IsValidUtf8(text));
    text[at] = '\xff';
    EXPECT_FALSE(IsValidUtf8(text)) << at;
    text[at] = '\xd0';  // a lead byte cut off by ASCII (or by the end)
    EXPECT_FALSE(IsValidUtf8(text)) << at;
    text.replace(at, 1, "\xd0\x96");  // Ж
    EXPECT_TRUE(IsValidUtf8(text)) << at;
  }
}

}  // namespace
}  // namespace parley::identity
