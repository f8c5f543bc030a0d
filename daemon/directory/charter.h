// The network charter (docs/protocol.md §9.1): the network's name, its
// anchor keys and its taxonomy of thematic areas, signed by an anchor.
//
// A Charter only exists verified: ParseCharter* return one only when every
// bound holds and the signature verifies under one of its own anchor keys.
// Which charter a node trusts is decided once, when it joins (`parleyd init
// --charter FILE`, the file coming from the secretariat out of band); later
// versions must be signed by the first anchor of the version the node holds.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/bytes.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "daemon/util/status.h"

namespace parley::directory {

inline constexpr std::string_view kCharterPrefix = "parley-charter:";
inline constexpr std::string_view kAnchorKeyPrefix = "parley-anchor:";
constexpr std::size_t kNetworkIdSize = 16;
constexpr std::size_t kMaxCharterBytes = 64 * 1024;
constexpr std::size_t kMaxNetworkNameBytes = 128;
constexpr std::size_t kMaxAnchors = 8;
constexpr std::size_t kMaxAreas = 32;
constexpr std::size_t kMaxTopicsPerArea = 32;
constexpr std::size_t kMaxSlugBytes = 32;
constexpr std::size_t kMaxLabelBytes = 256;

using NetworkId = std::array<std::uint8_t, kNetworkIdSize>;

struct Topic {
  std::string slug;
  std::string name_en;
  std::string name_ru;
};

struct Area {
  std::string slug;
  std::string name_en;
  std::string name_ru;
  bool priority = false;
  std::vector<Topic> topics;
};

struct Charter {
  NetworkId network_id{};
  std::uint64_t version = 0;
  std::string name;
  std::vector<crypto::PublicKey> anchor_keys;
  std::vector<Area> areas;
  std::uint64_t created_at_ms = 0;
  crypto::PublicKey signer{};
  crypto::Bytes encoded;  // the Signed protobuf exactly as signed

  bool HasArea(std::string_view slug) const;
  bool IsAnchor(const crypto::PublicKey& key) const;
  // "parley-charter:" + base64url(encoded)
  std::string Text() const;
};

// The Prague Process Action Plan 2023-2027's six thematic areas, in English
// and Russian, with the states' current priorities marked.
std::vector<Area> DefaultTaxonomy();

// A new network's first charter, signed by `anchor`, which becomes its only
// anchor key.
Result<Charter> CreateCharter(const crypto::SigningKeyPair& anchor, std::string_view name,
                              std::vector<Area> areas, std::uint64_t now_ms,
                              crypto::Random& random);

// The next version of `current` (the secretariat's amendment), signed by
// `anchor`, its first anchor key (PermissionDenied otherwise): `name`,
// `areas` and `anchor_keys` replace the current ones; the network stays.
// InvalidArgument says what is wrong with the taxonomy or the anchors.
Result<Charter> AmendCharter(const Charter& current, const crypto::SigningKeyPair& anchor,
                             std::string_view name, const std::vector<Area>& areas,
                             const std::vector<crypto::PublicKey>& anchor_keys,
                             std::uint64_t now_ms);

// Whether `next` may replace `current`: the same network, a higher version,
// signed by the first anchor key of `current` (so two amendments of one
// version never compete), and no area of `current` removed (profiles name
// them, and must stay valid). InvalidArgument says why not.
Status CheckAmendment(const Charter& current, const Charter& next);

// From the text form (surrounding whitespace is ignored).
Result<Charter> ParseCharterText(std::string_view text);
// From the Signed protobuf bytes (as stored).
Result<Charter> ParseCharterBytes(crypto::ByteView encoded);

// "parley-anchor:" + base64url(key): how a would-be anchor's public key
// travels to the first anchor, who adds it to the charter.
std::string AnchorKeyText(const crypto::PublicKey& key);
// From that text (surrounding whitespace ignored); InvalidArgument otherwise.
Result<crypto::PublicKey> ParseAnchorKeyText(std::string_view text);

// [a-z0-9-], 1..kMaxSlugBytes, not starting or ending with '-'.
bool IsValidSlug(std::string_view slug);

}  // namespace parley::directory
