// Helpers shared by the crypto suites: identities, prekeys, established
// sessions, all from a DeterministicRandom so every run is the same.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "crypto/bytes.h"
#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "crypto/ratchet.h"
#include "crypto/secure_buffer.h"
#include "crypto/session_record.h"
#include "crypto/x3dh.h"

namespace parley::crypto::testing {

inline Bytes ToBytes(std::string_view text) {
  const ByteView view = AsBytes(text);
  return Bytes(view.begin(), view.end());
}

inline Bytes Copy(const SecureBuffer& buffer) {
  return Bytes(buffer.view().begin(), buffer.view().end());
}

inline Bytes SerializedBytes(const RatchetSession& session) { return Copy(session.Serialize()); }

// A node: its identity, a signed prekey and some one-time prekeys.
class Party final : public PrekeyStore {
 public:
  Party(Random& random, std::uint32_t signed_prekey_id = 7)
      : identity_(Identity::Generate(random)),
        signed_prekey_(SignedPrekey::Generate(identity_.signing(), signed_prekey_id, random)) {}

  const Identity& identity() const { return identity_; }
  const SignedPrekey& signed_prekey() const { return signed_prekey_; }

  // Adds a one-time prekey and returns its id.
  std::uint32_t AddOneTimePrekey(Random& random) {
    const std::uint32_t id = next_one_time_prekey_id_++;
    one_time_prekeys_.emplace(id, OneTimePrekey::Generate(id, random));
    return id;
  }
  void DeleteOneTimePrekey(std::uint32_t id) { one_time_prekeys_.erase(id); }
  std::size_t one_time_prekey_count() const { return one_time_prekeys_.size(); }

  // What an initiator learns from this party's card (+ an OPK if given).
  PrekeyBundle Bundle(std::uint32_t one_time_prekey_id = 0) const {
    PrekeyBundle bundle;
    bundle.identity = identity_.public_identity();
    bundle.signed_prekey_id = signed_prekey_.id;
    bundle.signed_prekey = signed_prekey_.key.public_key();
    bundle.signed_prekey_signature = signed_prekey_.signature;
    if (one_time_prekey_id != 0) {
      bundle.one_time_prekey_id = one_time_prekey_id;
      bundle.one_time_prekey = one_time_prekeys_.at(one_time_prekey_id).key.public_key();
    }
    return bundle;
  }

  const SignedPrekey* FindSignedPrekey(std::uint32_t id) const override {
    return id == signed_prekey_.id ? &signed_prekey_ : nullptr;
  }
  const OneTimePrekey* FindOneTimePrekey(std::uint32_t id) const override {
    auto it = one_time_prekeys_.find(id);
    return it == one_time_prekeys_.end() ? nullptr : &it->second;
  }

 private:
  Identity identity_;
  SignedPrekey signed_prekey_;
  std::map<std::uint32_t, OneTimePrekey> one_time_prekeys_;
  std::uint32_t next_one_time_prekey_id_ = 1;
};

// Alice's and Bob's RatchetSessions right after X3DH (Bob has not received).
struct SessionPair {
  RatchetSession alice;
  RatchetSession bob;
};

inline SessionPair MakeSessionPair(Party& alice, Party& bob, Random& random,
                                   bool with_one_time_prekey = true) {
  const std::uint32_t opk_id = with_one_time_prekey ? bob.AddOneTimePrekey(random) : 0;
  std::optional<X3dhInitiation> x3dh = X3dhInitiate(alice.identity(), bob.Bundle(opk_id), random);
  if (!x3dh) std::abort();
  const PublicIdentity& a = alice.identity().public_identity();
  const PrekeyHeader pending{bob.signed_prekey().id,  opk_id,
                             a.identity_key,          a.agreement_key,
                             a.agreement_certificate, x3dh->ephemeral.public_key()};
  std::optional<SecureBuffer> shared =
      X3dhRespond(bob.identity(), bob.signed_prekey(), bob.FindOneTimePrekey(opk_id), a,
                  x3dh->ephemeral.public_key());
  if (!shared) std::abort();
  RatchetSession alice_session =
      RatchetSession::Initiate(*x3dh, bob.Bundle().signed_prekey, pending, random);
  RatchetSession bob_session = RatchetSession::Respond(
      shared->view(), x3dh->associated_data, bob.signed_prekey().key, x3dh->ephemeral.public_key());
  return {std::move(alice_session), std::move(bob_session)};
}

// Encrypts `text`; aborts on failure (a test bug, not a property under test).
inline Bytes MustEncrypt(RatchetSession& session, std::string_view text, Random& random) {
  Bytes out;
  if (!session.Encrypt(AsBytes(text), random, out)) std::abort();
  return out;
}

inline std::optional<std::string> DecryptText(RatchetSession& session, ByteView message,
                                              Random& random) {
  Bytes plaintext;
  if (!session.Decrypt(message, random, plaintext)) return std::nullopt;
  return std::string(plaintext.begin(), plaintext.end());
}

// Both sessions past the first exchange: Alice sent, Bob answered.
inline SessionPair MakeEstablishedPair(Party& alice, Party& bob, Random& random) {
  SessionPair pair = MakeSessionPair(alice, bob, random);
  if (!DecryptText(pair.bob, MustEncrypt(pair.alice, "hello", random), random)) std::abort();
  if (!DecryptText(pair.alice, MustEncrypt(pair.bob, "hi", random), random)) std::abort();
  return pair;
}

}  // namespace parley::crypto::testing
