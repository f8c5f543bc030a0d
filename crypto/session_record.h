// SessionRecord: everything one node keeps about its end-to-end sessions with
// one contact: the current RatchetSession and up to kMaxArchivedSessions older
// ones (simultaneous first messages create two sessions; either side may still
// send on the other one for a while).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "crypto/bytes.h"
#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "crypto/ratchet.h"

namespace parley::crypto {

enum class PayloadKind { kRatchet, kPrekey };

struct EncryptedPayload {
  PayloadKind kind = PayloadKind::kRatchet;
  Bytes bytes;  // a RatchetMessage or a PrekeyMessage
};

// How a responder finds its prekeys by id. FindOneTimePrekey returns null for
// an unknown (e.g. already used) id; the caller deletes a used OPK when it
// commits the record (see DecryptResult::used_one_time_prekey_id).
class PrekeyStore {
 public:
  virtual ~PrekeyStore() = default;
  virtual const SignedPrekey* FindSignedPrekey(std::uint32_t id) const = 0;
  virtual const OneTimePrekey* FindOneTimePrekey(std::uint32_t id) const = 0;
};

struct DecryptResult {
  Bytes plaintext;
  PublicKey sender_identity_key{};            // IK of the sender (from AD)
  std::uint32_t used_one_time_prekey_id = 0;  // non-zero: delete this OPK
};

class SessionRecord {
 public:
  SessionRecord() = default;
  SessionRecord(SessionRecord&&) noexcept = default;
  SessionRecord& operator=(SessionRecord&&) noexcept = default;

  bool has_session() const { return current_.has_value(); }

  // Starts a new session as initiator (X3DH against `them`) and makes it
  // current, archiving the previous one. False when the bundle does not verify.
  [[nodiscard]] bool Initiate(const Identity& me, const PrekeyBundle& them, Random& random);

  // Encrypts with the current session: a PrekeyMessage while that session is
  // pending, else a RatchetMessage. False when there is no current session or
  // it cannot send.
  // `context` is authenticated with the message (see RatchetSession::Encrypt);
  // Decrypt must be given the same bytes.
  [[nodiscard]] bool Encrypt(ByteView plaintext, Random& random, EncryptedPayload& out,
                             ByteView context = {});

  // Decrypts a RatchetMessage (current session first, then archived) or a
  // PrekeyMessage (by base key, else a new responder session via X3DH). The
  // session that decrypts becomes current. On failure the record is unchanged.
  // expected_sender, when set, must equal the sender's identity key.
  [[nodiscard]] bool Decrypt(PayloadKind kind, ByteView payload, const Identity& me,
                             const PrekeyStore& prekeys, Random& random,
                             const std::optional<PublicKey>& expected_sender, DecryptResult& result,
                             ByteView context = {});

  // version 0x01 || u8 count || count × (u32 length || RatchetSession blob),
  // current first. Deserialize refuses anything else.
  SecureBuffer Serialize() const;
  // The same bytes into `out`, exactly SerializedSize() long (see RatchetSession).
  std::size_t SerializedSize() const;
  void SerializeInto(MutableByteView out) const;
  static std::optional<SessionRecord> Deserialize(ByteView serialized);

 private:
  bool DecryptRatchetMessage(ByteView payload, const Identity& me, Random& random,
                             const std::optional<PublicKey>& expected_sender, DecryptResult& result,
                             ByteView context);
  bool DecryptPrekeyMessage(ByteView payload, const Identity& me, const PrekeyStore& prekeys,
                            Random& random, const std::optional<PublicKey>& expected_sender,
                            DecryptResult& result, ByteView context);
  // Makes `session` current; the previous current one becomes the newest
  // archived session, and the oldest beyond kMaxArchivedSessions is dropped.
  void MakeCurrent(RatchetSession session);
  void PromoteArchived(std::size_t index);

  std::optional<RatchetSession> current_;
  std::vector<RatchetSession> archived_;  // newest first, at most kMaxArchivedSessions
};

}  // namespace parley::crypto
