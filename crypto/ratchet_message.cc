#include "crypto/ratchet_message.h"

#include <algorithm>

#include "crypto/aead.h"
#include "crypto/internal/big_endian.h"
#include "crypto/limits.h"

namespace parley::crypto {

namespace {

// The smallest padded plaintext (64) plus the tag (docs/protocol.md §3.4).
constexpr std::size_t kMinCiphertextSize = 64 + kAeadTagSize;
constexpr std::size_t kMinRatchetMessageSize = kRatchetHeaderSize + kMinCiphertextSize;

std::uint8_t* AppendUninitialised(Bytes& out, std::size_t size) {
  const std::size_t start = out.size();
  out.resize(start + size);
  return out.data() + start;
}

const std::uint8_t* ReadKey(const std::uint8_t* in, PublicKey& key) {
  std::copy(in, in + key.size(), key.begin());
  return in + key.size();
}

std::uint8_t* WriteKey(std::uint8_t* out, ByteView key) {
  return std::copy(key.begin(), key.end(), out);
}

}  // namespace

std::optional<RatchetMessageView> DecodeRatchetMessage(ByteView message) {
  if (message.size() < kMinRatchetMessageSize || message.size() > kMaxPayloadSize) {
    return std::nullopt;
  }
  if (message[0] != kRatchetMessageVersion) return std::nullopt;
  RatchetMessageView view;
  const std::uint8_t* in = ReadKey(message.data() + 1, view.header.ratchet_key);
  view.header.previous_chain_length = internal::LoadU32(in);
  view.header.message_number = internal::LoadU32(in + 4);
  view.header_bytes = message.first(kRatchetHeaderSize);
  view.ciphertext = message.subspan(kRatchetHeaderSize);
  return view;
}

void EncodeRatchetHeader(const RatchetHeader& header, Bytes& out) {
  std::uint8_t* p = AppendUninitialised(out, kRatchetHeaderSize);
  *p++ = kRatchetMessageVersion;
  p = WriteKey(p, header.ratchet_key);
  internal::StoreU32(p, header.previous_chain_length);
  internal::StoreU32(p + 4, header.message_number);
}

std::optional<PrekeyMessageView> DecodePrekeyMessage(ByteView message) {
  if (message.size() < kPrekeyHeaderSize + kMinRatchetMessageSize ||
      message.size() > kMaxPayloadSize) {
    return std::nullopt;
  }
  if (message[0] != kPrekeyMessageVersion) return std::nullopt;
  PrekeyMessageView view;
  PrekeyHeader& header = view.header;
  const std::uint8_t* in = message.data() + 1;
  header.signed_prekey_id = internal::LoadU32(in);
  header.one_time_prekey_id = internal::LoadU32(in + 4);
  in = ReadKey(in + 8, header.identity_key);
  in = ReadKey(in, header.agreement_key);
  std::copy(in, in + kSignatureSize, header.agreement_certificate.begin());
  in = ReadKey(in + kSignatureSize, header.base_key);
  view.ratchet_message = message.subspan(kPrekeyHeaderSize);
  if (!DecodeRatchetMessage(view.ratchet_message)) return std::nullopt;
  return view;
}

void EncodePrekeyHeader(const PrekeyHeader& header, Bytes& out) {
  std::uint8_t* p = AppendUninitialised(out, kPrekeyHeaderSize);
  *p++ = kPrekeyMessageVersion;
  internal::StoreU32(p, header.signed_prekey_id);
  internal::StoreU32(p + 4, header.one_time_prekey_id);
  p = WriteKey(p + 8, header.identity_key);
  p = WriteKey(p, header.agreement_key);
  p = WriteKey(p, header.agreement_certificate);
  WriteKey(p, header.base_key);
}

}  // namespace parley::crypto
