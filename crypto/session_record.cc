#include "crypto/session_record.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "crypto/internal/big_endian.h"
#include "crypto/limits.h"
#include "crypto/ratchet_message.h"
#include "crypto/x3dh.h"

namespace parley::crypto {

namespace {

constexpr std::uint8_t kRecordFormatVersion = 1;
constexpr std::size_t kMaxSessions = 1 + kMaxArchivedSessions;

// AD = IK_A || AK_A || IK_B || AK_B (docs/protocol.md §3.3).
constexpr std::size_t kInitiatorIdentityOffset = 0;
constexpr std::size_t kResponderIdentityOffset = 2 * kPublicKeySize;

PublicKey KeyAt(const AssociatedData& ad, std::size_t offset) {
  PublicKey key{};
  std::copy_n(ad.begin() + static_cast<std::ptrdiff_t>(offset), key.size(), key.begin());
  return key;
}

// The other party's identity key: whichever of IK_A, IK_B is not ours.
PublicKey PeerIdentityKey(const RatchetSession& session, const PublicKey& my_identity_key) {
  const AssociatedData& ad = session.associated_data();
  const PublicKey initiator = KeyAt(ad, kInitiatorIdentityOffset);
  return initiator == my_identity_key ? KeyAt(ad, kResponderIdentityOffset) : initiator;
}

bool IsFromExpectedSender(const RatchetSession& session, const Identity& me,
                          const std::optional<PublicKey>& expected_sender) {
  return !expected_sender ||
         PeerIdentityKey(session, me.public_identity().identity_key) == *expected_sender;
}

}  // namespace

bool SessionRecord::Initiate(const Identity& me, const PrekeyBundle& them, Random& random) {
  std::optional<X3dhInitiation> x3dh = X3dhInitiate(me, them, random);
  if (!x3dh) return false;
  const PublicIdentity& mine = me.public_identity();
  const PrekeyHeader pending{them.signed_prekey_id,      them.one_time_prekey_id,
                             mine.identity_key,          mine.agreement_key,
                             mine.agreement_certificate, x3dh->ephemeral.public_key()};
  MakeCurrent(RatchetSession::Initiate(*x3dh, them.signed_prekey, pending, random));
  return true;
}

bool SessionRecord::Encrypt(ByteView plaintext, Random& random, EncryptedPayload& out,
                            ByteView context) {
  if (!current_) return false;
  Bytes bytes;
  const std::optional<PrekeyHeader>& pending = current_->pending_prekey();
  if (pending) EncodePrekeyHeader(*pending, bytes);
  if (!current_->Encrypt(plaintext, random, bytes, context)) return false;
  out.kind = pending ? PayloadKind::kPrekey : PayloadKind::kRatchet;
  out.bytes = std::move(bytes);
  return true;
}

bool SessionRecord::Decrypt(PayloadKind kind, ByteView payload, const Identity& me,
                            const PrekeyStore& prekeys, Random& random,
                            const std::optional<PublicKey>& expected_sender, DecryptResult& result,
                            ByteView context) {
  result = DecryptResult{};
  const bool ok =
      kind == PayloadKind::kPrekey
          ? DecryptPrekeyMessage(payload, me, prekeys, random, expected_sender, result, context)
          : DecryptRatchetMessage(payload, me, random, expected_sender, result, context);
  if (!ok) result = DecryptResult{};
  return ok;
}

bool SessionRecord::DecryptRatchetMessage(ByteView payload, const Identity& me, Random& random,
                                          const std::optional<PublicKey>& expected_sender,
                                          DecryptResult& result, ByteView context) {
  // Current first, then the archived sessions, newest first. A failed try
  // leaves its session unchanged, so the order only costs time.
  const PublicKey& my_identity_key = me.public_identity().identity_key;
  if (current_ && IsFromExpectedSender(*current_, me, expected_sender) &&
      current_->Decrypt(payload, random, result.plaintext, context)) {
    result.sender_identity_key = PeerIdentityKey(*current_, my_identity_key);
    return true;
  }
  for (std::size_t i = 0; i < archived_.size(); ++i) {
    RatchetSession& session = archived_[i];
    if (!IsFromExpectedSender(session, me, expected_sender) ||
        !session.Decrypt(payload, random, result.plaintext, context)) {
      continue;
    }
    result.sender_identity_key = PeerIdentityKey(session, my_identity_key);
    PromoteArchived(i);
    return true;
  }
  return false;
}

bool SessionRecord::DecryptPrekeyMessage(ByteView payload, const Identity& me,
                                         const PrekeyStore& prekeys, Random& random,
                                         const std::optional<PublicKey>& expected_sender,
                                         DecryptResult& result, ByteView context) {
  const std::optional<PrekeyMessageView> message = DecodePrekeyMessage(payload);
  if (!message) return false;
  const PrekeyHeader& header = message->header;
  if (expected_sender && header.identity_key != *expected_sender) return false;
  const PublicIdentity initiator{
      header.identity_key, {}, {}, header.agreement_key, header.agreement_certificate};
  const AssociatedData associated_data = MakeAssociatedData(initiator, me.public_identity());
  result.sender_identity_key = header.identity_key;

  // A later message of an X3DH we already answered: the session it made.
  // Matching the whole AD (not only the base key) keeps one peer from
  // reaching a session that belongs to another identity.
  auto made_by_this_x3dh = [&](const RatchetSession& session) {
    return session.base_key() == header.base_key && session.associated_data() == associated_data;
  };
  if (current_ && made_by_this_x3dh(*current_)) {
    return current_->Decrypt(message->ratchet_message, random, result.plaintext, context);
  }
  for (std::size_t i = 0; i < archived_.size(); ++i) {
    if (!made_by_this_x3dh(archived_[i])) continue;
    if (!archived_[i].Decrypt(message->ratchet_message, random, result.plaintext, context))
      return false;
    PromoteArchived(i);
    return true;
  }

  // A new X3DH. An unknown one-time prekey id (e.g. one already used) fails:
  // accepting it without DH4 would let a replayed message start a session.
  const SignedPrekey* signed_prekey = prekeys.FindSignedPrekey(header.signed_prekey_id);
  if (signed_prekey == nullptr) return false;
  const OneTimePrekey* one_time_prekey = nullptr;
  if (header.one_time_prekey_id != 0) {
    one_time_prekey = prekeys.FindOneTimePrekey(header.one_time_prekey_id);
    if (one_time_prekey == nullptr) return false;
  }
  std::optional<SecureBuffer> shared_secret =
      X3dhRespond(me, *signed_prekey, one_time_prekey, initiator, header.base_key);
  if (!shared_secret) return false;
  RatchetSession session = RatchetSession::Respond(shared_secret->view(), associated_data,
                                                   signed_prekey->key, header.base_key);
  if (!session.Decrypt(message->ratchet_message, random, result.plaintext, context)) return false;
  result.used_one_time_prekey_id = header.one_time_prekey_id;
  MakeCurrent(std::move(session));
  return true;
}

void SessionRecord::MakeCurrent(RatchetSession session) {
  if (current_) {
    archived_.insert(archived_.begin(), std::move(*current_));
    if (archived_.size() > kMaxArchivedSessions) archived_.pop_back();  // the oldest
  }
  current_ = std::move(session);
}

void SessionRecord::PromoteArchived(std::size_t index) {
  RatchetSession session = std::move(archived_[index]);
  archived_.erase(archived_.begin() + static_cast<std::ptrdiff_t>(index));
  MakeCurrent(std::move(session));
}

std::size_t SessionRecord::SerializedSize() const {
  std::size_t size = 2;
  if (current_) size += 4 + current_->SerializedSize();
  for (const RatchetSession& session : archived_) size += 4 + session.SerializedSize();
  return size;
}

void SessionRecord::SerializeInto(MutableByteView out) const {
  if (out.size() != SerializedSize()) std::abort();  // a bug in the caller
  std::uint8_t* p = out.data();
  *p++ = kRecordFormatVersion;
  *p++ = static_cast<std::uint8_t>((current_ ? 1 : 0) + archived_.size());
  auto write = [&p](const RatchetSession& session) {
    const std::size_t size = session.SerializedSize();
    internal::StoreU32(p, static_cast<std::uint32_t>(size));
    session.SerializeInto({p + 4, size});
    p += 4 + size;
  };
  if (current_) write(*current_);
  for (const RatchetSession& session : archived_) write(session);
}

SecureBuffer SessionRecord::Serialize() const {
  SecureBuffer out(SerializedSize());
  SerializeInto(out.mutable_view());
  return out;
}

std::optional<SessionRecord> SessionRecord::Deserialize(ByteView serialized) {
  if (serialized.size() < 2) return std::nullopt;
  if (serialized[0] != kRecordFormatVersion) return std::nullopt;
  const std::size_t count = serialized[1];
  if (count > kMaxSessions) return std::nullopt;

  SessionRecord record;
  ByteView rest = serialized.subspan(2);
  for (std::size_t i = 0; i < count; ++i) {
    if (rest.size() < 4) return std::nullopt;
    const std::uint32_t length = internal::LoadU32(rest.data());
    rest = rest.subspan(4);
    if (length > rest.size()) return std::nullopt;
    std::optional<RatchetSession> session = RatchetSession::Deserialize(rest.first(length));
    if (!session) return std::nullopt;
    rest = rest.subspan(length);
    if (i == 0) {
      record.current_ = std::move(session);
    } else {
      record.archived_.push_back(std::move(*session));
    }
  }
  if (!rest.empty()) return std::nullopt;  // trailing bytes
  return record;
}

}  // namespace parley::crypto
