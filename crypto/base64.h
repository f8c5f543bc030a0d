// base64url without padding (RFC 4648 §5), for public values such as cards.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crypto/bytes.h"

namespace parley::crypto {

std::string ToBase64Url(ByteView bytes);
// nullopt on any character outside the alphabet, padding, or trailing garbage.
std::optional<Bytes> FromBase64Url(std::string_view text);

}  // namespace parley::crypto
