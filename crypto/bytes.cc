#include "crypto/bytes.h"

#include <sodium.h>

#include "crypto/secure_buffer.h"
#include "crypto/sodium.h"

namespace parley::crypto {

std::string ToHex(ByteView bytes) {
  EnsureSodium();
  std::string hex(bytes.size() * 2 + 1, '\0');  // sodium writes a terminating NUL
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

bool FromHex(std::string_view hex, MutableByteView out) {
  EnsureSodium();
  if (hex.size() != out.size() * 2) return false;
  std::size_t written = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, &end) !=
          0 ||
      written != out.size() || end != hex.data() + hex.size()) {
    Wipe(out);
    return false;
  }
  return true;
}

}  // namespace parley::crypto
