// RatchetSession::Deserialize and SessionRecord::Deserialize on arbitrary
// bytes: refuse cleanly, and whatever is accepted serialises back to exactly
// the same bytes. An accepted session must also survive use.
#include <cstdint>
#include <cstdlib>

#include "crypto/ratchet.h"
#include "crypto/session_record.h"

using namespace parley::crypto;

namespace {

bool SameBytes(const SecureBuffer& a, ByteView b) { return EqualConstantTime(a.view(), b); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ByteView input(data, size);
  if (std::optional<RatchetSession> session = RatchetSession::Deserialize(input)) {
    if (!SameBytes(session->Serialize(), input)) std::abort();
    // Using a loaded state must be safe too (any key material is possible).
    DeterministicRandom random(size);
    Bytes out;
    const Bytes plaintext = {'f', 'u', 'z', 'z'};
    if (session->Encrypt(plaintext, random, out)) {
      Bytes decrypted;
      (void)session->Decrypt(out, random, decrypted);  // our own message: not for us
    }
  }
  if (std::optional<SessionRecord> record = SessionRecord::Deserialize(input)) {
    if (!SameBytes(record->Serialize(), input)) std::abort();
  }
  return 0;
}
