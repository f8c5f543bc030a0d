// Wire formats of the end-to-end layer (docs/protocol.md §3.4): RatchetMessage
// and PrekeyMessage. Decoders are bounded and never trust a length they read.
#pragma once

#include <cstdint>
#include <optional>

#include "crypto/bytes.h"
#include "crypto/sign.h"

namespace parley::crypto {

constexpr std::uint8_t kRatchetMessageVersion = 1;
constexpr std::size_t kRatchetHeaderSize = 1 + 32 + 4 + 4;
constexpr std::uint8_t kPrekeyMessageVersion = 1;
constexpr std::size_t kPrekeyHeaderSize = 1 + 4 + 4 + 32 + 32 + 64 + 32;

struct RatchetHeader {
  PublicKey ratchet_key{};
  std::uint32_t previous_chain_length = 0;  // pn
  std::uint32_t message_number = 0;         // n
};

// A decoded RatchetMessage; views point into the decoded buffer.
struct RatchetMessageView {
  RatchetHeader header;
  ByteView header_bytes;  // bytes 0..41, authenticated as associated data
  ByteView ciphertext;
};

std::optional<RatchetMessageView> DecodeRatchetMessage(ByteView message);
void EncodeRatchetHeader(const RatchetHeader& header, Bytes& out);  // appends 41 bytes

struct PrekeyHeader {
  std::uint32_t signed_prekey_id = 0;
  std::uint32_t one_time_prekey_id = 0;  // 0: none
  PublicKey identity_key{};              // IK_A
  PublicKey agreement_key{};             // AK_A
  Signature agreement_certificate{};
  PublicKey base_key{};  // EK_A
};

struct PrekeyMessageView {
  PrekeyHeader header;
  ByteView ratchet_message;  // a complete RatchetMessage
};

std::optional<PrekeyMessageView> DecodePrekeyMessage(ByteView message);
void EncodePrekeyHeader(const PrekeyHeader& header, Bytes& out);  // appends 169 bytes

}  // namespace parley::crypto
