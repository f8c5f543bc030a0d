// DecodeRatchetMessage and DecodePrekeyMessage on arbitrary bytes: never read
// out of bounds; whatever decodes re-encodes to the same header bytes.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "crypto/ratchet_message.h"

using namespace parley::crypto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ByteView input(data, size);
  if (std::optional<RatchetMessageView> view = DecodeRatchetMessage(input)) {
    Bytes header;
    EncodeRatchetHeader(view->header, header);
    if (header.size() != kRatchetHeaderSize ||
        std::memcmp(header.data(), view->header_bytes.data(), header.size()) != 0 ||
        view->header_bytes.size() + view->ciphertext.size() != size) {
      std::abort();
    }
  }
  if (std::optional<PrekeyMessageView> view = DecodePrekeyMessage(input)) {
    Bytes header;
    EncodePrekeyHeader(view->header, header);
    if (header.size() != kPrekeyHeaderSize ||
        std::memcmp(header.data(), data, header.size()) != 0 ||
        header.size() + view->ratchet_message.size() != size ||
        !DecodeRatchetMessage(view->ratchet_message)) {
      std::abort();
    }
  }
  return 0;
}
