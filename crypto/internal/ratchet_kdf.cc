#include "crypto/internal/ratchet_kdf.h"

#include <algorithm>

#include "crypto/internal/stack_secret.h"
#include "crypto/kdf.h"

namespace parley::crypto::internal {

namespace {

constexpr std::uint8_t kMessageKeyInput = 0x01;
constexpr std::uint8_t kChainKeyInput = 0x02;

void CopyOut(ByteView from, KeySpan to) { std::copy(from.begin(), from.end(), to.begin()); }

}  // namespace

void KdfRootKey(ConstKeySpan root_key, ConstKeySpan dh_output, KeySpan next_root_key,
                KeySpan chain_key) {
  StackSecret<64> output;
  DeriveKey(kLabelRootKey, root_key, dh_output, output.span());
  CopyOut(output.view().first<32>(), next_root_key);
  CopyOut(output.view().last<32>(), chain_key);
}

void ChainMessageKey(ConstKeySpan chain_key, KeySpan message_key) {
  StackSecret<kMessageKeySize> output;
  DeriveKey(kLabelChainKey, chain_key, ByteView(&kMessageKeyInput, 1), output.span());
  CopyOut(output.view(), message_key);
}

void NextChainKey(ConstKeySpan chain_key, KeySpan next_chain_key) {
  StackSecret<kChainKeySize> output;
  DeriveKey(kLabelChainKey, chain_key, ByteView(&kChainKeyInput, 1), output.span());
  CopyOut(output.view(), next_chain_key);
}

void MessageCipherKeys(ConstKeySpan message_key, KeySpan key,
                       std::span<std::uint8_t, kMessageNonceSize> nonce) {
  StackSecret<32 + kMessageNonceSize> output;
  DeriveKey(kLabelMessageKey, message_key, {}, output.span());
  CopyOut(output.view().first<32>(), key);
  std::copy(output.view().begin() + 32, output.view().end(), nonce.begin());
}

}  // namespace parley::crypto::internal
