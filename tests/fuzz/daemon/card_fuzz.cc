// Cards arrive from users (text) and from strangers (bytes in PREKEY envelopes).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "daemon/identity/card.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley::identity;
  auto from_bytes = ParseCardBytes({data, size});
  if (from_bytes.ok()) {
    // A card that verifies must survive its own text form unchanged.
    auto again = ParseCardText(from_bytes->Text());
    if (!again.ok() || again->encoded != from_bytes->encoded) __builtin_trap();
  }
  (void)ParseCardText(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
