#!/usr/bin/env bash
# check_layering.sh SOURCE_DIR BUILD_DIR: the dependency arrows of DESIGN.md.
#   crypto/ includes and links nothing of ours and no ZeroMQ, SQLCipher or protobuf;
#   the client never links crypto, the store or libsodium;
#   proto/ depends on protobuf only.
set -euo pipefail
src=$1 build=$2
fail=0
complain() { echo "layering: $*" >&2; fail=1; }

if grep -RnE '#include [<"](zmq|sqlite3|google/protobuf|daemon/|client/|proto/)' "$src/crypto"; then
  complain "crypto/ includes something it must not"
fi
if grep -RnE '#include [<"](sodium|sqlite3|crypto/|daemon/)' "$src/client"; then
  complain "client/ includes crypto, libsodium or the store"
fi
if grep -RnE '#include [<"](zmq|sqlite3|sodium|crypto/|daemon/|client/)' "$src/proto"; then
  complain "proto/ includes something it must not"
fi

# The real command lines, from the generator (Ninja).
commands_for() { ninja -C "$build" -t commands "$1" 2>/dev/null; }

client_link=$(commands_for bin/parley | tail -n 1)
[[ -n "$client_link" ]] || complain "no link command for bin/parley"
if grep -qE 'parley_crypto|parley_core|sqlcipher|sodium' <<<"$client_link"; then
  complain "the client links crypto, the core, SQLCipher or libsodium: $client_link"
fi
# Direct dependencies only: libzmq itself rightly uses libsodium for CurveZMQ.
if [[ -x "$build/bin/parley" ]] && readelf -d "$build/bin/parley" | grep NEEDED | grep -qE 'sodium|sqlcipher'; then
  complain "bin/parley itself needs libsodium or SQLCipher"
fi
crypto_compiles=$(commands_for crypto/libparley_crypto.a | grep -- ' -c ' || true)
[[ -n "$crypto_compiles" ]] || complain "no compile commands for parley_crypto"
if grep -qE 'sqlcipher|zmq|pgm|protobuf|/proto/' <<<"$crypto_compiles"; then
  complain "parley_crypto compiles against ZeroMQ, SQLCipher or protobuf"
fi
parleyd_link=$(commands_for bin/parleyd | tail -n 1)
grep -q 'libparley_crypto.a' <<<"$parleyd_link" || complain "parleyd does not link parley_crypto?"
exit $fail
