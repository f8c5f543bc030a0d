// The key file is read from disk before anything is decrypted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "daemon/store/key_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley::store;
  auto parsed = ParseKeyFile(std::string(reinterpret_cast<const char*>(data), size));
  if (parsed.ok()) {
    auto again = ParseKeyFile(FormatKeyFile(parsed.value()));
    if (!again.ok() || again->salt != parsed->salt || again->check != parsed->check)
      __builtin_trap();
  }
  return 0;
}
