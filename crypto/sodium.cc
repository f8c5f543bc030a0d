#include "crypto/sodium.h"

#include <sodium.h>

#include <cstdlib>

namespace parley::crypto {

void EnsureSodium() {
  // A function-local static is initialised once, thread-safely; later calls
  // cost one load and compare.
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) std::abort();
}

}  // namespace parley::crypto
