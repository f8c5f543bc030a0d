#include "crypto/kdf.h"

#include <gtest/gtest.h>

#include <array>

#include "crypto/internal/ratchet_kdf.h"

namespace parley::crypto {
namespace {

TEST(KdfTest, LabelsSeparateOutputs) {
  const Bytes key(32, 1);
  const Bytes message = {9};
  std::array<std::uint8_t, 32> a{}, b{};
  DeriveKey(kLabelRootKey, key, message, a);
  DeriveKey(kLabelChainKey, key, message, b);
  EXPECT_NE(a, b);
}

TEST(KdfTest, KeyAndMessageMatter) {
  const Bytes key(32, 1);
  Bytes other_key = key;
  other_key[31] = 2;
  std::array<std::uint8_t, 32> a{}, b{}, c{};
  DeriveKey(kLabelX3dh, key, AsBytes("m"), a);
  DeriveKey(kLabelX3dh, other_key, AsBytes("m"), b);
  DeriveKey(kLabelX3dh, key, AsBytes("n"), c);
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
}

TEST(KdfTest, Deterministic) {
  std::array<std::uint8_t, 64> a{}, b{};
  DeriveKey(kLabelFingerprint, {}, AsBytes("x"), a);
  DeriveKey(kLabelFingerprint, {}, AsBytes("x"), b);
  EXPECT_EQ(a, b);
}

TEST(KdfTest, LabelsFitThePersonalisation) {
  for (std::string_view label :
       {kLabelX3dh, kLabelRootKey, kLabelChainKey, kLabelMessageKey, kLabelFingerprint}) {
    EXPECT_LE(label.size(), 16u) << label;
  }
}

TEST(KdfTest, ChainStepsGiveDistinctKeys) {
  // mk and ck' of one step differ, and no message key repeats along a chain.
  std::array<std::uint8_t, 32> chain{};
  chain.fill(3);
  std::vector<std::array<std::uint8_t, 32>> seen;
  for (int i = 0; i < 50; ++i) {
    std::array<std::uint8_t, 32> message_key{}, next{};
    internal::ChainMessageKey(chain, message_key);
    internal::NextChainKey(chain, next);
    EXPECT_NE(message_key, next);
    for (const auto& earlier : seen) EXPECT_NE(earlier, message_key);
    seen.push_back(message_key);
    chain = next;
  }
}

TEST(KdfTest, RootKeyOutputsMayAliasInputs) {
  std::array<std::uint8_t, 32> root{}, dh{}, next_root{}, chain{};
  root.fill(5);
  dh.fill(6);
  internal::KdfRootKey(root, dh, next_root, chain);
  std::array<std::uint8_t, 32> in_place = root;
  std::array<std::uint8_t, 32> chain2{};
  internal::KdfRootKey(in_place, dh, in_place, chain2);
  EXPECT_EQ(in_place, next_root);
  EXPECT_EQ(chain2, chain);
}

}  // namespace
}  // namespace parley::crypto
