// RatchetSession: one Double Ratchet session between two identities
// (docs/protocol.md §3.4).
//
// Decrypt never changes the session unless the message authenticates: all
// work is staged and committed only on success. Every failure (bad tag,
// replay, skip beyond kMaxSkip, malformed input) returns the same false.
//
// Not thread-safe; the owner serialises access.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "crypto/bytes.h"
#include "crypto/dh.h"
#include "crypto/limits.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "crypto/ratchet_message.h"
#include "crypto/secure_buffer.h"
#include "crypto/x3dh.h"

namespace parley::crypto {

class RatchetSession {
 public:
  // Alice, after X3dhInitiate. The session carries `pending` (the X3DH header
  // fields) until it decrypts the responder's first message.
  static RatchetSession Initiate(const X3dhInitiation& x3dh, const PublicKey& their_signed_prekey,
                                 const PrekeyHeader& pending, Random& random);
  // Bob, after X3dhRespond; his first ratchet key pair is the signed prekey.
  static RatchetSession Respond(ByteView shared_secret, const AssociatedData& associated_data,
                                const DhKeyPair& signed_prekey, const PublicKey& base_key);

  RatchetSession(RatchetSession&&) noexcept;
  RatchetSession& operator=(RatchetSession&&) noexcept;
  ~RatchetSession();

  // Appends a complete RatchetMessage to out. `context` (at most
  // kMaxMessageContextSize bytes, not sent) is authenticated with the
  // message: Decrypt must be given the same bytes. False only when plaintext
  // is larger than kMaxPlaintextSize, the context is too long, the session
  // has no sending chain (a responder that has not received yet), or the
  // chain has used all 2^32-1 message numbers; out is unchanged then.
  [[nodiscard]] bool Encrypt(ByteView plaintext, Random& random, Bytes& out, ByteView context = {});

  // Decrypts a complete RatchetMessage into plaintext (resized).
  [[nodiscard]] bool Decrypt(ByteView message, Random& random, Bytes& plaintext,
                             ByteView context = {});

  // The X3DH fields to send with each message until the peer has answered.
  const std::optional<PrekeyHeader>& pending_prekey() const;
  const PublicKey& base_key() const;  // EK_A of the X3DH that created this session
  const AssociatedData& associated_data() const;

  SecureBuffer Serialize() const;  // docs/protocol.md §7
  // The same bytes into `out`, which must be exactly SerializedSize() long:
  // lets a caller reuse one locked buffer instead of allocating per save.
  std::size_t SerializedSize() const;
  void SerializeInto(MutableByteView out) const;
  static std::optional<RatchetSession> Deserialize(ByteView serialized);

 private:
  struct State;
  explicit RatchetSession(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace parley::crypto
