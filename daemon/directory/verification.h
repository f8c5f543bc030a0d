// Verification: how much a parser of a directory object checks.
#pragma once

namespace parley::directory {

// What a parser of a signed object checks. kFull: everything, signatures
// included -- every object from outside. kStored: everything but the
// signatures, for objects read back from this node's own store, where only
// objects that passed kFull are written. The store is authenticated (its
// pages carry an HMAC under the passphrase's key), so checking them again
// stops no one without that key, and would cost ~370 µs an object at every
// start (docs/decisions.md, 31). Bounds, network, format and dates are
// checked either way: a clock that went back can still void an object.
enum class Verification { kFull, kStored };

}  // namespace parley::directory
