#include "crypto/ratchet_message.h"

#include <gtest/gtest.h>

#include "crypto/limits.h"

namespace parley::crypto {
namespace {

constexpr std::size_t kMinCiphertext = 64 + 16;

Bytes ValidRatchetMessage(std::size_t ciphertext_size = kMinCiphertext) {
  RatchetHeader header;
  header.ratchet_key.fill(0x5A);
  header.previous_chain_length = 0x01020304;
  header.message_number = 0xA0B0C0D0;
  Bytes out;
  EncodeRatchetHeader(header, out);
  out.resize(out.size() + ciphertext_size, 0xCC);
  return out;
}

PrekeyHeader SamplePrekeyHeader() {
  PrekeyHeader header;
  header.signed_prekey_id = 7;
  header.one_time_prekey_id = 0x01000001;
  header.identity_key.fill(1);
  header.agreement_key.fill(2);
  header.agreement_certificate.fill(3);
  header.base_key.fill(4);
  return header;
}

TEST(RatchetMessageTest, HeaderLayout) {
  const Bytes message = ValidRatchetMessage();
  ASSERT_EQ(message.size(), 41u + kMinCiphertext);
  EXPECT_EQ(message[0], 0x01);
  EXPECT_EQ(message[1], 0x5A);
  EXPECT_EQ(message[33], 0x01);  // pn, big-endian
  EXPECT_EQ(message[36], 0x04);
  EXPECT_EQ(message[37], 0xA0);  // n
  EXPECT_EQ(message[40], 0xD0);
}

TEST(RatchetMessageTest, DecodeRoundTrip) {
  const Bytes message = ValidRatchetMessage();
  std::optional<RatchetMessageView> view = DecodeRatchetMessage(message);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->header.previous_chain_length, 0x01020304u);
  EXPECT_EQ(view->header.message_number, 0xA0B0C0D0u);
  EXPECT_EQ(view->header.ratchet_key[31], 0x5A);
  EXPECT_EQ(view->header_bytes.data(), message.data());
  EXPECT_EQ(view->header_bytes.size(), kRatchetHeaderSize);
  EXPECT_EQ(view->ciphertext.size(), kMinCiphertext);
}

TEST(RatchetMessageTest, BoundsAndVersion) {
  EXPECT_FALSE(DecodeRatchetMessage({}));
  Bytes short_message = ValidRatchetMessage();
  short_message.pop_back();
  EXPECT_FALSE(DecodeRatchetMessage(short_message));
  Bytes wrong_version = ValidRatchetMessage();
  wrong_version[0] = 2;
  EXPECT_FALSE(DecodeRatchetMessage(wrong_version));
  EXPECT_TRUE(DecodeRatchetMessage(ValidRatchetMessage(kMaxPayloadSize - kRatchetHeaderSize)));
  EXPECT_FALSE(DecodeRatchetMessage(ValidRatchetMessage(kMaxPayloadSize - kRatchetHeaderSize + 1)));
}

TEST(PrekeyMessageTest, RoundTrip) {
  Bytes message;
  EncodePrekeyHeader(SamplePrekeyHeader(), message);
  ASSERT_EQ(message.size(), kPrekeyHeaderSize);
  EXPECT_EQ(message[0], 0x01);
  EXPECT_EQ(message[4], 7);  // spk_id, big-endian
  EXPECT_EQ(message[5], 0x01);
  const Bytes inner = ValidRatchetMessage();
  message.insert(message.end(), inner.begin(), inner.end());
  std::optional<PrekeyMessageView> view = DecodePrekeyMessage(message);
  ASSERT_TRUE(view);
  const PrekeyHeader expected = SamplePrekeyHeader();
  EXPECT_EQ(view->header.signed_prekey_id, expected.signed_prekey_id);
  EXPECT_EQ(view->header.one_time_prekey_id, expected.one_time_prekey_id);
  EXPECT_EQ(view->header.identity_key, expected.identity_key);
  EXPECT_EQ(view->header.agreement_key, expected.agreement_key);
  EXPECT_EQ(view->header.agreement_certificate, expected.agreement_certificate);
  EXPECT_EQ(view->header.base_key, expected.base_key);
  EXPECT_EQ(view->ratchet_message.size(), inner.size());
  EXPECT_EQ(view->ratchet_message.data(), message.data() + kPrekeyHeaderSize);
}

TEST(PrekeyMessageTest, BoundsAndVersion) {
  Bytes message;
  EncodePrekeyHeader(SamplePrekeyHeader(), message);
  EXPECT_FALSE(DecodePrekeyMessage(message));  // no inner message
  const Bytes inner = ValidRatchetMessage();
  message.insert(message.end(), inner.begin(), inner.end());
  Bytes truncated(message.begin(), message.end() - 1);
  EXPECT_FALSE(DecodePrekeyMessage(truncated));
  Bytes wrong_version = message;
  wrong_version[0] = 0;
  EXPECT_FALSE(DecodePrekeyMessage(wrong_version));
  Bytes wrong_inner_version = message;
  wrong_inner_version[kPrekeyHeaderSize] = 9;
  EXPECT_FALSE(DecodePrekeyMessage(wrong_inner_version));
  Bytes too_long = message;
  too_long.resize(kMaxPayloadSize + 1, 0);
  EXPECT_FALSE(DecodePrekeyMessage(too_long));
}

}  // namespace
}  // namespace parley::crypto
