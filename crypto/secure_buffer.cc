#include "crypto/secure_buffer.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <utility>

#include "crypto/sodium.h"

namespace parley::crypto {

SecureBuffer::SecureBuffer(std::size_t size) : size_(size) {
  if (size == 0) return;
  EnsureSodium();  // sodium_malloc needs the page size sodium_init finds
  data_ = static_cast<std::uint8_t*>(sodium_malloc(size));
  if (data_ == nullptr) std::abort();
  sodium_memzero(data_, size);
}

SecureBuffer SecureBuffer::CopyOf(ByteView bytes) {
  SecureBuffer copy(bytes.size());
  if (!bytes.empty()) std::memcpy(copy.data_, bytes.data(), bytes.size());
  return copy;
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecureBuffer::~SecureBuffer() {
  if (data_ != nullptr) sodium_free(data_);  // wipes before unmapping
}

bool EqualConstantTime(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void Wipe(MutableByteView bytes) {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
}

}  // namespace parley::crypto
