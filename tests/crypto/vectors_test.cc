// Known answers from tests/vectors/generate_vectors.py (Python's hashlib and
// an RFC 7748 X25519 written there), checked against the C++ code.
#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <fstream>
#include <map>
#include <string>

#include "crypto/dh.h"
#include "crypto/fingerprint.h"
#include "crypto/identity.h"
#include "crypto/internal/ratchet_kdf.h"
#include "crypto/kdf.h"
#include "crypto/ratchet.h"
#include "crypto/x3dh.h"
#include "test_support.h"

namespace parley::crypto {
namespace {

using Key = std::array<std::uint8_t, 32>;

class Vectors {
 public:
  Vectors() {
    std::ifstream in(std::string(PARLEY_VECTORS_DIR) + "/crypto_vectors.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t eq = line.find(" = ");
      if (eq == std::string::npos) continue;
      values_[line.substr(0, eq)] = line.substr(eq + 3);
    }
  }
  bool loaded() const { return !values_.empty(); }

  Bytes GetBytes(const std::string& name) const {
    const std::string& hex = values_.at(name);
    Bytes out(hex.size() / 2);
    if (!FromHex(hex, out)) ADD_FAILURE() << name << " is not hex";
    return out;
  }
  Key GetKey(const std::string& name) const {
    const Bytes bytes = GetBytes(name);
    Key key{};
    if (bytes.size() != key.size()) ADD_FAILURE() << name << " is not 32 bytes";
    std::copy_n(bytes.begin(), std::min(bytes.size(), key.size()), key.begin());
    return key;
  }
  std::string GetText(const std::string& name) const {
    const std::string& quoted = values_.at(name);
    return quoted.substr(1, quoted.size() - 2);
  }

 private:
  std::map<std::string, std::string> values_;
};

// Hands out scripted bytes: makes "random" keys fixed.
class ScriptedRandom final : public Random {
 public:
  void Add(ByteView bytes) { script_.insert(script_.end(), bytes.begin(), bytes.end()); }
  void Fill(MutableByteView out) override {
    if (out.size() > script_.size() - position_) std::abort();  // the script ran out
    std::copy_n(script_.begin() + static_cast<std::ptrdiff_t>(position_), out.size(), out.begin());
    position_ += out.size();
  }

 private:
  Bytes script_;
  std::size_t position_ = 0;
};

// An Identity whose agreement secret is fixed (signing key from a seed).
Identity IdentityWithAgreementSecret(std::uint8_t seed_byte, const Key& agreement_secret) {
  Bytes blob = {1};
  std::array<std::uint8_t, 32> seed{};
  seed.fill(seed_byte);
  std::array<std::uint8_t, 32> public_key{};
  std::array<std::uint8_t, 64> secret{};
  crypto_sign_ed25519_seed_keypair(public_key.data(), secret.data(), seed.data());
  blob.insert(blob.end(), secret.begin(), secret.end());
  blob.insert(blob.end(), 32, seed_byte);  // transport secret: not part of X3DH
  blob.insert(blob.end(), agreement_secret.begin(), agreement_secret.end());
  std::optional<Identity> identity = Identity::Deserialize(blob);
  if (!identity) std::abort();
  return std::move(*identity);
}

struct VectorsTest : ::testing::Test {
  void SetUp() override { ASSERT_TRUE(v.loaded()) << "missing tests/vectors/crypto_vectors.txt"; }
  Vectors v;
};

TEST_F(VectorsTest, KdfRootKey) {
  Key next_root{}, chain{};
  internal::KdfRootKey(v.GetKey("kdf_rk.root_key"), v.GetKey("kdf_rk.dh_output"), next_root, chain);
  EXPECT_EQ(next_root, v.GetKey("kdf_rk.next_root_key"));
  EXPECT_EQ(chain, v.GetKey("kdf_rk.chain_key"));
}

TEST_F(VectorsTest, KdfChainKeyAndCipherKeys) {
  Key chain = v.GetKey("kdf_ck.chain_key_0");
  for (int i = 0; i < 3; ++i) {
    const std::string n = std::to_string(i);
    Key message_key{}, cipher_key{};
    std::array<std::uint8_t, 24> nonce{};
    internal::ChainMessageKey(chain, message_key);
    internal::NextChainKey(chain, chain);
    internal::MessageCipherKeys(message_key, cipher_key, nonce);
    EXPECT_EQ(message_key, v.GetKey("kdf_ck.message_key_" + n));
    EXPECT_EQ(cipher_key, v.GetKey("kdf_ck.cipher_key_" + n));
    EXPECT_EQ(Bytes(nonce.begin(), nonce.end()), v.GetBytes("kdf_ck.nonce_" + n));
    EXPECT_EQ(chain, v.GetKey("kdf_ck.chain_key_" + std::to_string(i + 1)));
  }
}

TEST_F(VectorsTest, X25519PublicKeysAndDhOutputs) {
  for (const char* name : {"ak_a", "ek_a", "ak_b", "spk_b", "opk_b", "dhs_a"}) {
    const std::string prefix = std::string("x3dh.") + name;
    std::optional<DhKeyPair> pair = DhKeyPair::FromSecret(v.GetBytes(prefix + "_secret"));
    ASSERT_TRUE(pair);
    EXPECT_EQ(pair->public_key(), v.GetKey(prefix + "_public")) << name;
  }
  Key out{};
  ASSERT_TRUE(Dh(v.GetBytes("x3dh.ak_a_secret"), v.GetKey("x3dh.spk_b_public"), out));
  EXPECT_EQ(out, v.GetKey("x3dh.dh1"));
  ASSERT_TRUE(Dh(v.GetBytes("x3dh.opk_b_secret"), v.GetKey("x3dh.ek_a_public"), out));
  EXPECT_EQ(out, v.GetKey("x3dh.dh4"));
}

TEST_F(VectorsTest, X3dhAndRatchetInitialisation) {
  const Identity alice = IdentityWithAgreementSecret(0xA1, v.GetKey("x3dh.ak_a_secret"));
  const Identity bob = IdentityWithAgreementSecret(0xB0, v.GetKey("x3dh.ak_b_secret"));
  std::optional<DhKeyPair> spk_pair = DhKeyPair::FromSecret(v.GetBytes("x3dh.spk_b_secret"));
  std::optional<DhKeyPair> opk_pair = DhKeyPair::FromSecret(v.GetBytes("x3dh.opk_b_secret"));
  ASSERT_TRUE(spk_pair && opk_pair);
  const std::uint32_t spk_id = 3;
  const Signature spk_signature = bob.signing().Sign(
      SignContext::kSignedPrekey, SignedPrekeyMessage(spk_id, spk_pair->public_key()));
  const SignedPrekey spk{spk_id, std::move(*spk_pair), spk_signature};
  const OneTimePrekey opk{9, std::move(*opk_pair)};

  PrekeyBundle bundle;
  bundle.identity = bob.public_identity();
  bundle.signed_prekey_id = spk_id;
  bundle.signed_prekey = spk.key.public_key();
  bundle.signed_prekey_signature = spk.signature;

  // Without the one-time prekey.
  ScriptedRandom ek_only;
  ek_only.Add(v.GetBytes("x3dh.ek_a_secret"));
  std::optional<X3dhInitiation> without = X3dhInitiate(alice, bundle, ek_only);
  ASSERT_TRUE(without);
  EXPECT_EQ(without->ephemeral.public_key(), v.GetKey("x3dh.ek_a_public"));
  EXPECT_EQ(testing::Copy(without->shared_secret), v.GetBytes("x3dh.sk_without_opk"));
  std::optional<SecureBuffer> bob_without =
      X3dhRespond(bob, spk, nullptr, alice.public_identity(), v.GetKey("x3dh.ek_a_public"));
  ASSERT_TRUE(bob_without);
  EXPECT_EQ(testing::Copy(*bob_without), v.GetBytes("x3dh.sk_without_opk"));

  // With it, then Alice's first ratchet step from a fixed DHs.
  bundle.one_time_prekey_id = opk.id;
  bundle.one_time_prekey = opk.key.public_key();
  ScriptedRandom script;
  script.Add(v.GetBytes("x3dh.ek_a_secret"));
  script.Add(v.GetBytes("x3dh.dhs_a_secret"));
  std::optional<X3dhInitiation> with = X3dhInitiate(alice, bundle, script);
  ASSERT_TRUE(with);
  EXPECT_EQ(testing::Copy(with->shared_secret), v.GetBytes("x3dh.sk_with_opk"));
  std::optional<SecureBuffer> bob_with =
      X3dhRespond(bob, spk, &opk, alice.public_identity(), v.GetKey("x3dh.ek_a_public"));
  ASSERT_TRUE(bob_with);
  EXPECT_EQ(testing::Copy(*bob_with), v.GetBytes("x3dh.sk_with_opk"));

  const PrekeyHeader pending{spk_id, opk.id, {}, {}, {}, with->ephemeral.public_key()};
  RatchetSession session = RatchetSession::Initiate(*with, spk.key.public_key(), pending, script);
  const Bytes blob = testing::SerializedBytes(session);
  // §7 offsets: root key at 129, DHs public at 193, sending chain key at 258.
  EXPECT_EQ(Bytes(blob.begin() + 129, blob.begin() + 161), v.GetBytes("ratchet_init.root_key"));
  EXPECT_EQ(Bytes(blob.begin() + 193, blob.begin() + 225), v.GetBytes("x3dh.dhs_a_public"));
  EXPECT_EQ(Bytes(blob.begin() + 258, blob.begin() + 290),
            v.GetBytes("ratchet_init.sending_chain_key"));
}

TEST_F(VectorsTest, FingerprintAndSafetyNumber) {
  EXPECT_EQ(Fingerprint(v.GetKey("fingerprint.identity_key")), v.GetText("fingerprint.text"));
  const Key a = v.GetKey("safety_number.identity_key_a");
  const Key b = v.GetKey("safety_number.identity_key_b");
  EXPECT_EQ(SafetyNumber(a, b), v.GetText("safety_number.text"));
  EXPECT_EQ(SafetyNumber(b, a), v.GetText("safety_number.text"));
}

}  // namespace
}  // namespace parley::crypto
