#include "crypto/secure_buffer.h"

#include <gtest/gtest.h>

#include <utility>

#include "crypto/bytes.h"

namespace parley::crypto {
namespace {

TEST(SecureBufferTest, StartsZeroed) {
  SecureBuffer buffer(48);
  ASSERT_EQ(buffer.size(), 48u);
  for (std::uint8_t b : buffer.view()) EXPECT_EQ(b, 0);
}

TEST(SecureBufferTest, DefaultIsEmpty) {
  SecureBuffer buffer;
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(buffer.data(), nullptr);
}

TEST(SecureBufferTest, CopyOfCopiesBytes) {
  const Bytes bytes = {1, 2, 3, 4, 5};
  SecureBuffer buffer = SecureBuffer::CopyOf(bytes);
  EXPECT_TRUE(EqualConstantTime(buffer.view(), bytes));
}

TEST(SecureBufferTest, MoveLeavesSourceEmpty) {
  SecureBuffer a = SecureBuffer::CopyOf(Bytes{9, 9, 9});
  const std::uint8_t* data = a.data();
  SecureBuffer b(std::move(a));
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the contract under test
  EXPECT_EQ(b.data(), data);
  SecureBuffer c(4);
  c = std::move(b);
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.data()[0], 9);
}

TEST(SecureBufferTest, EqualConstantTime) {
  const Bytes a = {1, 2, 3};
  const Bytes b = {1, 2, 3};
  const Bytes c = {1, 2, 4};
  const Bytes shorter = {1, 2};
  EXPECT_TRUE(EqualConstantTime(a, b));
  EXPECT_FALSE(EqualConstantTime(a, c));
  EXPECT_FALSE(EqualConstantTime(a, shorter));
  EXPECT_TRUE(EqualConstantTime({}, {}));
}

TEST(SecureBufferTest, WipeZeroes) {
  Bytes bytes = {1, 2, 3, 4};
  Wipe(bytes);
  EXPECT_EQ(bytes, (Bytes{0, 0, 0, 0}));
}

TEST(BytesTest, HexRoundTrip) {
  const Bytes bytes = {0x00, 0x1f, 0xa0, 0xff};
  EXPECT_EQ(ToHex(bytes), "001fa0ff");
  Bytes parsed(4);
  ASSERT_TRUE(FromHex("001fa0ff", parsed));
  EXPECT_EQ(parsed, bytes);
}

TEST(BytesTest, FromHexRejectsWrongLengthAndCharacters) {
  Bytes out(2);
  EXPECT_FALSE(FromHex("abc", out));
  EXPECT_FALSE(FromHex("abcdef", out));
  EXPECT_FALSE(FromHex("abzz", out));
  EXPECT_FALSE(FromHex("ab d", out));
}

}  // namespace
}  // namespace parley::crypto
