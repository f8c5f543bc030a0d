#include "crypto/ratchet.h"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <utility>

#include "crypto/aead.h"
#include "crypto/internal/big_endian.h"
#include "crypto/internal/message_cipher.h"
#include "crypto/internal/ratchet_kdf.h"
#include "crypto/internal/skipped_keys.h"
#include "crypto/internal/stack_secret.h"
#include "crypto/limits.h"
#include "crypto/sodium.h"

namespace parley::crypto {

namespace {

using internal::ConstKeySpan;
using internal::KeySpan;
using internal::SkippedKeys;
using internal::StackSecret;

constexpr std::uint8_t kSessionFormatVersion = 1;
constexpr std::uint32_t kMaxMessageNumber = std::numeric_limits<std::uint32_t>::max();

// Flags byte of the serialised session (docs/protocol.md §7).
constexpr std::uint8_t kFlagHasDhr = 1 << 0;
constexpr std::uint8_t kFlagHasSendingChain = 1 << 1;
constexpr std::uint8_t kFlagHasReceivingChain = 1 << 2;
constexpr std::uint8_t kFlagHasPendingPrekey = 1 << 3;
constexpr std::uint8_t kKnownFlags =
    kFlagHasDhr | kFlagHasSendingChain | kFlagHasReceivingChain | kFlagHasPendingPrekey;

// Serialised sizes.
constexpr std::size_t kFixedPartSize =
    1 + kAssociatedDataSize + 32 + 32 + 32 + 1 + 32 + (32 + 4) + (32 + 4) + 4 + kPublicKeySize;
constexpr std::size_t kPendingPrekeySize = 4 + 4 + kPublicKeySize + kPublicKeySize + kSignatureSize;
constexpr std::size_t kSkippedCountSize = 4;

// The largest message Encrypt can produce fits every payload bound, also
// inside a PrekeyMessage.
static_assert(kPrekeyHeaderSize + kRatchetHeaderSize + internal::PaddedSize(kMaxPlaintextSize) +
                  kAeadTagSize <=
              kMaxPayloadSize);

ConstKeySpan AsKey(ByteView bytes) { return ConstKeySpan(bytes.data(), 32); }

void CopyKey(ConstKeySpan from, KeySpan to) { std::copy(from.begin(), from.end(), to.begin()); }

// Advances `chain_key` by `steps` chain steps.
void AdvanceChain(KeySpan chain_key, std::uint32_t steps) {
  for (std::uint32_t i = 0; i < steps; ++i) internal::NextChainKey(chain_key, chain_key);
}

// Sequential writer and bounded reader of the serialised layout.
class Writer {
 public:
  explicit Writer(MutableByteView out) : out_(out) {}
  void Bytes(ByteView bytes) {
    std::copy(bytes.begin(), bytes.end(), out_.begin() + position_);
    position_ += bytes.size();
  }
  void U8(std::uint8_t value) { out_[position_++] = value; }
  void U32(std::uint32_t value) {
    internal::StoreU32(out_.data() + position_, value);
    position_ += 4;
  }
  void Zeros(std::size_t size) { position_ += size; }  // the buffer starts zeroed
  MutableByteView Take(std::size_t size) {
    MutableByteView taken = out_.subspan(position_, size);
    position_ += size;
    return taken;
  }
  std::size_t position() const { return position_; }

 private:
  MutableByteView out_;
  std::size_t position_ = 0;
};

// Callers check the total length first; Take never reads past it.
class Reader {
 public:
  explicit Reader(ByteView in) : in_(in) {}
  ByteView Take(std::size_t size) {
    if (size > in_.size() - position_) std::abort();  // the caller's length check is wrong
    ByteView taken = in_.subspan(position_, size);
    position_ += size;
    return taken;
  }
  template <std::size_t N>
  void Into(std::array<std::uint8_t, N>& out) {
    ByteView taken = Take(N);
    std::copy(taken.begin(), taken.end(), out.begin());
  }
  std::uint8_t U8() { return Take(1)[0]; }
  std::uint32_t U32() { return internal::LoadU32(Take(4).data()); }

 private:
  ByteView in_;
  std::size_t position_ = 0;
};

bool IsZero(ByteView bytes) { return sodium_is_zero(bytes.data(), bytes.size()) == 1; }

}  // namespace

// Everything a session knows. The four secret keys share one locked
// allocation that lives as long as the session; per-message intermediates
// are StackSecrets, so Encrypt and Decrypt allocate no locked memory.
struct RatchetSession::State {
  static constexpr std::size_t kRootKey = 0;
  static constexpr std::size_t kDhsSecret = 32;
  static constexpr std::size_t kSendingChainKey = 64;
  static constexpr std::size_t kReceivingChainKey = 96;
  static constexpr std::size_t kSecretsSize = 128;

  SecureBuffer secrets{kSecretsSize};
  SkippedKeys skipped;
  AssociatedData associated_data{};
  PublicKey dhs_public{};
  PublicKey dhr{};
  bool has_dhr = false;
  bool has_sending_chain = false;
  bool has_receiving_chain = false;
  std::uint32_t ns = 0;  // next message number on the sending chain
  std::uint32_t nr = 0;  // next expected message number on the receiving chain
  std::uint32_t pn = 0;  // length of our previous sending chain
  PublicKey base_key{};
  std::optional<PrekeyHeader> pending;  // its base_key equals base_key

  KeySpan root_key() { return KeySpan(secrets.data() + kRootKey, 32); }
  KeySpan dhs_secret() { return KeySpan(secrets.data() + kDhsSecret, 32); }
  KeySpan sending_chain_key() { return KeySpan(secrets.data() + kSendingChainKey, 32); }
  KeySpan receiving_chain_key() { return KeySpan(secrets.data() + kReceivingChainKey, 32); }
  ConstKeySpan root_key() const { return ConstKeySpan(secrets.data() + kRootKey, 32); }
  ConstKeySpan dhs_secret() const { return ConstKeySpan(secrets.data() + kDhsSecret, 32); }
  ConstKeySpan sending_chain_key() const {
    return ConstKeySpan(secrets.data() + kSendingChainKey, 32);
  }
  ConstKeySpan receiving_chain_key() const {
    return ConstKeySpan(secrets.data() + kReceivingChainKey, 32);
  }

  // Stores the message keys of the receiving chain from nr up to (not
  // including) `until`, advancing the chain key and nr as it goes.
  void SkipReceivingChainTo(std::uint32_t until) {
    StackSecret<internal::kMessageKeySize> message_key;
    for (; nr < until; ++nr) {
      internal::ChainMessageKey(receiving_chain_key(), message_key.span());
      skipped.Push(dhr, nr, message_key.view());
      internal::NextChainKey(receiving_chain_key(), receiving_chain_key());
    }
  }

  // The two ways to receive a message whose key is not stored. Each derives
  // what it needs in StackSecrets, opens the message, and only then commits.
  bool DecryptOnReceivingChain(const RatchetMessageView& message, Bytes& plaintext);
  bool DecryptWithNewRatchetKey(const RatchetMessageView& message, Random& random,
                                Bytes& plaintext);
};

RatchetSession::RatchetSession(std::unique_ptr<State> state) : state_(std::move(state)) {}
RatchetSession::RatchetSession(RatchetSession&&) noexcept = default;
RatchetSession& RatchetSession::operator=(RatchetSession&&) noexcept = default;
RatchetSession::~RatchetSession() = default;

RatchetSession RatchetSession::Initiate(const X3dhInitiation& x3dh,
                                        const PublicKey& their_signed_prekey,
                                        const PrekeyHeader& pending, Random& random) {
  if (x3dh.shared_secret.size() != kSymmetricKeySize) std::abort();  // a bug
  EnsureSodium();
  auto state = std::make_unique<State>();
  state->associated_data = x3dh.associated_data;
  state->base_key = x3dh.ephemeral.public_key();
  state->pending = pending;
  state->pending->base_key = state->base_key;

  // Alice's first ratchet key pair; Bob's is his signed prekey.
  random.Fill(state->dhs_secret());
  crypto_scalarmult_curve25519_base(state->dhs_public.data(), state->dhs_secret().data());
  state->dhr = their_signed_prekey;
  state->has_dhr = true;

  StackSecret<32> dh_output;
  // X3DH has already computed a non-zero DH with this prekey, so a zero
  // result here is impossible short of a broken libsodium.
  if (!Dh(state->dhs_secret(), their_signed_prekey, dh_output.span())) std::abort();
  internal::KdfRootKey(AsKey(x3dh.shared_secret.view()), dh_output.view(), state->root_key(),
                       state->sending_chain_key());
  state->has_sending_chain = true;
  return RatchetSession(std::move(state));
}

RatchetSession RatchetSession::Respond(ByteView shared_secret,
                                       const AssociatedData& associated_data,
                                       const DhKeyPair& signed_prekey, const PublicKey& base_key) {
  if (shared_secret.size() != kSymmetricKeySize) std::abort();  // a bug
  auto state = std::make_unique<State>();
  state->associated_data = associated_data;
  state->base_key = base_key;
  CopyKey(AsKey(shared_secret), state->root_key());
  CopyKey(AsKey(signed_prekey.secret()), state->dhs_secret());
  state->dhs_public = signed_prekey.public_key();
  return RatchetSession(std::move(state));
}

namespace {

// What the AEAD authenticates after the session AD: the header, then the
// caller's context (docs/protocol.md §3.4).
class AuthenticatedHeader {
 public:
  AuthenticatedHeader(ByteView header, ByteView context) {
    if (header.size() != kRatchetHeaderSize || context.size() > kMaxMessageContextSize) {
      std::abort();  // a bug: callers check the context size
    }
    auto end = std::copy(header.begin(), header.end(), bytes_.begin());
    end = std::copy(context.begin(), context.end(), end);
    size_ = static_cast<std::size_t>(end - bytes_.begin());
  }
  ByteView view() const { return {bytes_.data(), size_}; }

 private:
  std::array<std::uint8_t, kRatchetHeaderSize + kMaxMessageContextSize> bytes_{};
  std::size_t size_ = 0;
};

}  // namespace

bool RatchetSession::Encrypt(ByteView plaintext, Random& /*random*/, Bytes& out, ByteView context) {
  State& s = *state_;
  if (!s.has_sending_chain || plaintext.size() > kMaxPlaintextSize || s.ns == kMaxMessageNumber ||
      context.size() > kMaxMessageContextSize) {
    return false;
  }
  StackSecret<internal::kMessageKeySize> message_key;
  internal::ChainMessageKey(s.sending_chain_key(), message_key.span());

  Bytes::size_type start = out.size();
  EncodeRatchetHeader({s.dhs_public, s.pn, s.ns}, out);
  // Copy the header out of `out`: sealing grows `out` and may move it.
  std::array<std::uint8_t, kRatchetHeaderSize> header{};
  std::copy(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), header.begin());
  const AuthenticatedHeader authenticated(header, context);
  internal::SealMessage(message_key.view(), s.associated_data, authenticated.view(), plaintext,
                        out);

  internal::NextChainKey(s.sending_chain_key(), s.sending_chain_key());
  ++s.ns;
  return true;
}

namespace {

// Receiving (docs/protocol.md §3.4).
bool DecryptWithSkippedKey(SkippedKeys& skipped, std::size_t index,
                           const AssociatedData& associated_data, const RatchetMessageView& message,
                           Bytes& plaintext) {
  if (!internal::OpenMessage(skipped.MessageKey(index), associated_data, message.header_bytes,
                             message.ciphertext, plaintext)) {
    return false;
  }
  skipped.Erase(index);
  return true;
}

}  // namespace

bool RatchetSession::Decrypt(ByteView message, Random& random, Bytes& plaintext, ByteView context) {
  plaintext.clear();
  std::optional<RatchetMessageView> view = DecodeRatchetMessage(message);
  if (!view || context.size() > kMaxMessageContextSize) return false;
  // Every decryption path authenticates header || context.
  const AuthenticatedHeader authenticated(view->header_bytes, context);
  view->header_bytes = authenticated.view();
  State& s = *state_;
  const RatchetHeader& header = view->header;
  const std::uint32_t n = header.message_number;

  bool ok = false;
  if (std::optional<std::size_t> index = s.skipped.Find(header.ratchet_key, n)) {
    ok = DecryptWithSkippedKey(s.skipped, *index, s.associated_data, *view, plaintext);
  } else if (s.has_dhr && header.ratchet_key == s.dhr) {
    ok = s.DecryptOnReceivingChain(*view, plaintext);
  } else {
    ok = s.DecryptWithNewRatchetKey(*view, random, plaintext);
  }
  // The peer has answered: no more X3DH header on our messages.
  if (ok) s.pending.reset();
  return ok;
}

bool RatchetSession::State::DecryptOnReceivingChain(const RatchetMessageView& message,
                                                    Bytes& plaintext) {
  const std::uint32_t n = message.header.message_number;
  // A number below nr whose key is not stored is a replay.
  if (!has_receiving_chain || n < nr || n - nr > kMaxSkip || n == kMaxMessageNumber) {
    return false;
  }
  StackSecret<internal::kChainKeySize> chain_key;
  CopyKey(receiving_chain_key(), chain_key.span());
  AdvanceChain(chain_key.span(), n - nr);
  StackSecret<internal::kMessageKeySize> message_key;
  internal::ChainMessageKey(chain_key.view(), message_key.span());
  if (!internal::OpenMessage(message_key.view(), associated_data, message.header_bytes,
                             message.ciphertext, plaintext)) {
    return false;
  }
  // Commit: keep the keys of the messages skipped over, then step past n.
  SkipReceivingChainTo(n);
  internal::NextChainKey(receiving_chain_key(), receiving_chain_key());
  nr = n + 1;
  return true;
}

bool RatchetSession::State::DecryptWithNewRatchetKey(const RatchetMessageView& message,
                                                     Random& random, Bytes& plaintext) {
  const RatchetHeader& header = message.header;
  const std::uint32_t n = header.message_number;
  const std::uint32_t their_pn = header.previous_chain_length;
  // Bound both the rest of the current receiving chain and the new chain.
  if (n > kMaxSkip) return false;
  if (has_receiving_chain && their_pn > nr && their_pn - nr > kMaxSkip) return false;

  // rk', CKr' = KDF_RK(rk, DH(DHs, dh)), then CKr' stepped to n.
  StackSecret<32> dh_output;
  if (!Dh(dhs_secret(), header.ratchet_key, dh_output.span())) return false;
  StackSecret<32> receiving_root_key;
  StackSecret<internal::kChainKeySize> new_chain_key;  // the new receiving chain at 0
  internal::KdfRootKey(root_key(), dh_output.view(), receiving_root_key.span(),
                       new_chain_key.span());
  StackSecret<internal::kChainKeySize> chain_key;
  CopyKey(new_chain_key.view(), chain_key.span());
  AdvanceChain(chain_key.span(), n);
  StackSecret<internal::kMessageKeySize> message_key;
  internal::ChainMessageKey(chain_key.view(), message_key.span());
  if (!internal::OpenMessage(message_key.view(), associated_data, message.header_bytes,
                             message.ciphertext, plaintext)) {
    return false;
  }

  // Authenticated. Our next sending chain: a new DHs, then
  // rk'', CKs = KDF_RK(rk', DH(DHs', dh)).
  StackSecret<32> next_dhs_secret;
  random.Fill(next_dhs_secret.span());
  PublicKey next_dhs_public{};
  crypto_scalarmult_curve25519_base(next_dhs_public.data(), next_dhs_secret.data());
  // dh was just multiplied by DHs without a zero result, so it is not of low
  // order and this cannot fail; checked all the same before any commit.
  if (!Dh(next_dhs_secret.view(), header.ratchet_key, dh_output.span())) {
    plaintext.clear();
    return false;
  }
  StackSecret<32> sending_root_key;
  StackSecret<internal::kChainKeySize> next_sending_chain_key;
  internal::KdfRootKey(receiving_root_key.view(), dh_output.view(), sending_root_key.span(),
                       next_sending_chain_key.span());

  // Commit. First the unread rest of the old receiving chain...
  if (has_receiving_chain) SkipReceivingChainTo(their_pn);
  // ...then the new receiving chain up to n, and past it.
  dhr = header.ratchet_key;
  has_dhr = true;
  has_receiving_chain = true;
  CopyKey(new_chain_key.view(), receiving_chain_key());
  nr = 0;
  SkipReceivingChainTo(n);
  internal::NextChainKey(receiving_chain_key(), receiving_chain_key());
  nr = n + 1;
  // ...and the new sending chain.
  pn = has_sending_chain ? ns : 0;
  ns = 0;
  CopyKey(next_dhs_secret.view(), dhs_secret());
  dhs_public = next_dhs_public;
  CopyKey(sending_root_key.view(), root_key());
  CopyKey(next_sending_chain_key.view(), sending_chain_key());
  has_sending_chain = true;
  return true;
}

const std::optional<PrekeyHeader>& RatchetSession::pending_prekey() const {
  return state_->pending;
}

const PublicKey& RatchetSession::base_key() const { return state_->base_key; }

const AssociatedData& RatchetSession::associated_data() const { return state_->associated_data; }

std::size_t RatchetSession::SerializedSize() const {
  const State& s = *state_;
  return kFixedPartSize + (s.pending ? kPendingPrekeySize : 0) + kSkippedCountSize +
         s.skipped.size() * SkippedKeys::kEntrySize;
}

SecureBuffer RatchetSession::Serialize() const {
  SecureBuffer out(SerializedSize());
  SerializeInto(out.mutable_view());
  return out;
}

void RatchetSession::SerializeInto(MutableByteView out) const {
  const State& s = *state_;
  const std::size_t size = SerializedSize();
  if (out.size() != size) std::abort();  // a bug in the caller
  Writer w(out);                         // writes every byte, unset fields as zeros
  w.U8(kSessionFormatVersion);
  w.Bytes(s.associated_data);
  w.Bytes(s.root_key());
  w.Bytes(s.dhs_secret());
  w.Bytes(s.dhs_public);
  w.U8(static_cast<std::uint8_t>((s.has_dhr ? kFlagHasDhr : 0) |
                                 (s.has_sending_chain ? kFlagHasSendingChain : 0) |
                                 (s.has_receiving_chain ? kFlagHasReceivingChain : 0) |
                                 (s.pending ? kFlagHasPendingPrekey : 0)));
  if (s.has_dhr) {
    w.Bytes(s.dhr);
  } else {
    w.Zeros(32);
  }
  if (s.has_sending_chain) {
    w.Bytes(s.sending_chain_key());
  } else {
    w.Zeros(32);
  }
  w.U32(s.ns);
  if (s.has_receiving_chain) {
    w.Bytes(s.receiving_chain_key());
  } else {
    w.Zeros(32);
  }
  w.U32(s.nr);
  w.U32(s.pn);
  w.Bytes(s.base_key);
  if (s.pending) {
    w.U32(s.pending->signed_prekey_id);
    w.U32(s.pending->one_time_prekey_id);
    w.Bytes(s.pending->identity_key);
    w.Bytes(s.pending->agreement_key);
    w.Bytes(s.pending->agreement_certificate);
  }
  w.U32(static_cast<std::uint32_t>(s.skipped.size()));
  s.skipped.Serialize(w.Take(s.skipped.size() * SkippedKeys::kEntrySize));
  if (w.position() != size) std::abort();  // a bug in the size computation
}

std::optional<RatchetSession> RatchetSession::Deserialize(ByteView serialized) {
  // Length, then version, then decode; a state is accepted only in the
  // canonical form Serialize writes, so that Serialize(Deserialize(b)) == b.
  if (serialized.size() < kFixedPartSize + kSkippedCountSize) return std::nullopt;
  if (serialized[0] != kSessionFormatVersion) return std::nullopt;
  const std::uint8_t flags = serialized[1 + kAssociatedDataSize + 32 + 32 + 32];
  if ((flags & ~kKnownFlags) != 0) return std::nullopt;
  const bool has_pending = (flags & kFlagHasPendingPrekey) != 0;
  const std::size_t count_offset = kFixedPartSize + (has_pending ? kPendingPrekeySize : 0);
  if (serialized.size() < count_offset + kSkippedCountSize) return std::nullopt;
  const std::uint32_t skipped_count = internal::LoadU32(serialized.data() + count_offset);
  if (skipped_count > kMaxSkippedKeys) return std::nullopt;
  if (serialized.size() !=
      count_offset + kSkippedCountSize + skipped_count * SkippedKeys::kEntrySize) {
    return std::nullopt;
  }

  EnsureSodium();
  auto state = std::make_unique<State>();
  State& s = *state;
  Reader r(serialized);
  r.U8();  // version
  r.Into(s.associated_data);
  CopyKey(AsKey(r.Take(32)), s.root_key());
  CopyKey(AsKey(r.Take(32)), s.dhs_secret());
  r.Into(s.dhs_public);
  r.U8();  // flags
  s.has_dhr = (flags & kFlagHasDhr) != 0;
  s.has_sending_chain = (flags & kFlagHasSendingChain) != 0;
  s.has_receiving_chain = (flags & kFlagHasReceivingChain) != 0;
  r.Into(s.dhr);
  CopyKey(AsKey(r.Take(32)), s.sending_chain_key());
  s.ns = r.U32();
  CopyKey(AsKey(r.Take(32)), s.receiving_chain_key());
  s.nr = r.U32();
  s.pn = r.U32();
  r.Into(s.base_key);
  if (has_pending) {
    PrekeyHeader& pending = s.pending.emplace();
    pending.signed_prekey_id = r.U32();
    pending.one_time_prekey_id = r.U32();
    r.Into(pending.identity_key);
    r.Into(pending.agreement_key);
    r.Into(pending.agreement_certificate);
    pending.base_key = s.base_key;
  }
  r.U32();  // skipped_count
  for (std::uint32_t i = 0; i < skipped_count; ++i) {
    s.skipped.PushSerialized(r.Take(SkippedKeys::kEntrySize));
  }

  // Canonical form: what is unset is zero, and a receiving chain has a DHr.
  if (!s.has_dhr && !IsZero(s.dhr)) return std::nullopt;
  if (!s.has_sending_chain && (!IsZero(s.sending_chain_key()) || s.ns != 0 || s.pn != 0)) {
    return std::nullopt;
  }
  if (!s.has_receiving_chain && (!IsZero(s.receiving_chain_key()) || s.nr != 0)) {
    return std::nullopt;
  }
  if (s.has_receiving_chain && !s.has_dhr) return std::nullopt;
  return RatchetSession(std::move(state));
}

}  // namespace parley::crypto
