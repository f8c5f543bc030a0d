// ENCRYPT(mk, pt, AD || header) and its padding (crypto/internal/message_cipher.h).
#include "crypto/internal/message_cipher.h"

#include <gtest/gtest.h>

#include <array>

#include "crypto/aead.h"

namespace parley::crypto::internal {
namespace {

struct MessageCipherTest : ::testing::Test {
  std::array<std::uint8_t, 32> message_key{};
  Bytes ad = Bytes(128, 0xAD);
  Bytes header = Bytes(41, 0x4E);

  // Seals `padded` as is (no padding added), as a sender that pads wrongly would.
  Bytes SealRaw(const Bytes& padded) {
    std::array<std::uint8_t, 32> key{};
    std::array<std::uint8_t, 24> nonce{};
    MessageCipherKeys(message_key, key, nonce);
    Bytes full_ad = ad;
    full_ad.insert(full_ad.end(), header.begin(), header.end());
    Bytes out;
    AeadSeal(key, nonce, padded, full_ad, out);
    return out;
  }
};

TEST_F(MessageCipherTest, PaddedSizes) {
  EXPECT_EQ(PaddedSize(0), 64u);
  EXPECT_EQ(PaddedSize(63), 64u);
  EXPECT_EQ(PaddedSize(64), 128u);
  EXPECT_EQ(PaddedSize(16383), 16384u);
  EXPECT_EQ(PaddedSize(16384), 32768u);
  EXPECT_EQ(PaddedSize(32768), 49152u);
  for (std::size_t size : {64u, 128u, 4096u, 16384u, 32768u, 49152u})
    EXPECT_TRUE(IsPaddedSize(size));
  for (std::size_t size : {0u, 32u, 65u, 192u, 24576u, 16385u}) EXPECT_FALSE(IsPaddedSize(size));
}

TEST_F(MessageCipherTest, RoundTripAndPaddingBytes) {
  const Bytes plaintext = {'a', 'b', 'c'};
  Bytes sealed;
  SealMessage(message_key, ad, header, plaintext, sealed);
  ASSERT_EQ(sealed.size(), 64u + 16);
  Bytes opened;
  ASSERT_TRUE(OpenMessage(message_key, ad, header, sealed, opened));
  EXPECT_EQ(opened, plaintext);
  // The raw padded plaintext is ISO/IEC 7816-4: 0x80 then zeros.
  Bytes padded = plaintext;
  padded.push_back(0x80);
  padded.resize(64, 0);
  EXPECT_EQ(SealRaw(padded), sealed);
}

TEST_F(MessageCipherTest, BadPaddingUnderAValidTagIsRefused) {
  Bytes opened;
  Bytes all_zero(64, 0);
  EXPECT_FALSE(OpenMessage(message_key, ad, header, SealRaw(all_zero), opened));
  Bytes no_marker(64, 0);
  no_marker[10] = 0x81;
  EXPECT_FALSE(OpenMessage(message_key, ad, header, SealRaw(no_marker), opened));
  Bytes junk_after_marker(64, 0);
  junk_after_marker[10] = 0x80;
  junk_after_marker[60] = 0x01;
  EXPECT_FALSE(OpenMessage(message_key, ad, header, SealRaw(junk_after_marker), opened));
  Bytes not_a_bucket(96, 0);
  not_a_bucket[0] = 0x80;
  EXPECT_FALSE(OpenMessage(message_key, ad, header, SealRaw(not_a_bucket), opened));
  // A valid one, for contrast: marker anywhere in the window.
  Bytes marker_first(64, 0);
  marker_first[0] = 0x80;
  ASSERT_TRUE(OpenMessage(message_key, ad, header, SealRaw(marker_first), opened));
  EXPECT_TRUE(opened.empty());
  // Above 16384 the window is the last 16384 bytes only.
  Bytes marker_too_early(32768, 0);
  marker_too_early[16383] = 0x80;
  EXPECT_FALSE(OpenMessage(message_key, ad, header, SealRaw(marker_too_early), opened));
  marker_too_early[16383] = 0;
  marker_too_early[16384] = 0x80;
  ASSERT_TRUE(OpenMessage(message_key, ad, header, SealRaw(marker_too_early), opened));
  EXPECT_EQ(opened.size(), 16384u);
}

TEST_F(MessageCipherTest, AssociatedDataAndHeaderAreAuthenticated) {
  Bytes sealed;
  SealMessage(message_key, ad, header, Bytes{1, 2, 3}, sealed);
  Bytes opened;
  Bytes other_ad = ad;
  other_ad[127] ^= 1;
  EXPECT_FALSE(OpenMessage(message_key, other_ad, header, sealed, opened));
  Bytes other_header = header;
  other_header[0] ^= 1;
  EXPECT_FALSE(OpenMessage(message_key, ad, other_header, sealed, opened));
}

}  // namespace
}  // namespace parley::crypto::internal
