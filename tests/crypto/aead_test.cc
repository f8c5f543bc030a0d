#include "crypto/aead.h"

#include <gtest/gtest.h>

namespace parley::crypto {
namespace {

struct AeadFixture : ::testing::Test {
  Bytes key = Bytes(kAeadKeySize, 0x11);
  Bytes nonce = Bytes(kAeadNonceSize, 0x22);
  Bytes ad = {1, 2, 3};
  Bytes plaintext = {'s', 'e', 'c', 'r', 'e', 't'};
};

TEST_F(AeadFixture, RoundTrip) {
  Bytes sealed = {0xEE};  // Seal appends
  AeadSeal(key, nonce, plaintext, ad, sealed);
  ASSERT_EQ(sealed.size(), 1 + plaintext.size() + kAeadTagSize);
  EXPECT_EQ(sealed[0], 0xEE);
  Bytes opened;
  ASSERT_TRUE(AeadOpen(key, nonce, ByteView(sealed).subspan(1), ad, opened));
  EXPECT_EQ(opened, plaintext);
}

TEST_F(AeadFixture, AnyTamperFails) {
  Bytes sealed;
  AeadSeal(key, nonce, plaintext, ad, sealed);
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    Bytes tampered = sealed;
    tampered[i] ^= 0x01;
    Bytes opened = {42};
    EXPECT_FALSE(AeadOpen(key, nonce, tampered, ad, opened)) << i;
    EXPECT_TRUE(opened.empty());
  }
  Bytes opened;
  Bytes other_ad = {1, 2, 4};
  EXPECT_FALSE(AeadOpen(key, nonce, sealed, other_ad, opened));
  Bytes other_nonce = nonce;
  other_nonce[23] ^= 1;
  EXPECT_FALSE(AeadOpen(key, other_nonce, sealed, ad, opened));
  Bytes other_key = key;
  other_key[0] ^= 1;
  EXPECT_FALSE(AeadOpen(other_key, nonce, sealed, ad, opened));
  EXPECT_FALSE(AeadOpen(key, nonce, ByteView(sealed).first(kAeadTagSize - 1), ad, opened));
}

TEST_F(AeadFixture, EmptyPlaintext) {
  Bytes sealed;
  AeadSeal(key, nonce, {}, ad, sealed);
  ASSERT_EQ(sealed.size(), kAeadTagSize);
  Bytes opened = {1};
  ASSERT_TRUE(AeadOpen(key, nonce, sealed, ad, opened));
  EXPECT_TRUE(opened.empty());
}

}  // namespace
}  // namespace parley::crypto
