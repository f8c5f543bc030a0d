// libsodium start-up. Every public entry point of parley_crypto that touches
// libsodium calls this first; it is cheap after the first call.
#pragma once

namespace parley::crypto {

// Initialises libsodium once per process. Aborts if libsodium cannot start
// (no usable randomness): nothing safe can be done without it.
void EnsureSodium();

}  // namespace parley::crypto
