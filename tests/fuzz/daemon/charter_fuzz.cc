// Charters arrive from users (the text the secretariat hands out) and from
// the store (bytes), and later from peers as amendments; anchor keys (text)
// from users.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "daemon/directory/charter.h"
#include "daemon/util/log.h"

namespace {

using parley::directory::Charter;

// What every charter that parses must satisfy.
void CheckInvariants(const Charter& charter) {
  using namespace parley::directory;
  if (charter.version == 0 || charter.name.empty() || charter.name.size() > kMaxNetworkNameBytes)
    __builtin_trap();
  if (charter.anchor_keys.empty() || charter.anchor_keys.size() > kMaxAnchors) __builtin_trap();
  if (!charter.IsAnchor(charter.signer)) __builtin_trap();
  if (charter.areas.empty() || charter.areas.size() > kMaxAreas) __builtin_trap();
  for (const Area& area : charter.areas) {
    if (!IsValidSlug(area.slug) || !charter.HasArea(area.slug)) __builtin_trap();
    if (area.name_en.empty() || area.name_ru.empty()) __builtin_trap();
    if (area.topics.size() > kMaxTopicsPerArea) __builtin_trap();
    for (const Topic& topic : area.topics) {
      if (!IsValidSlug(topic.slug)) __builtin_trap();
    }
  }
  if (charter.encoded.empty() || charter.encoded.size() > kMaxCharterBytes) __builtin_trap();

  // A charter that verifies must survive its bytes and its text form unchanged.
  auto from_bytes = ParseCharterBytes(charter.encoded);
  if (!from_bytes.ok() || from_bytes->network_id != charter.network_id ||
      from_bytes->version != charter.version || from_bytes->name != charter.name ||
      from_bytes->anchor_keys != charter.anchor_keys ||
      from_bytes->areas.size() != charter.areas.size()) {
    __builtin_trap();
  }
  auto from_text = ParseCharterText(charter.Text());
  if (!from_text.ok() || from_text->network_id != charter.network_id ||
      from_text->encoded != charter.encoded) {
    __builtin_trap();
  }
}

}  // namespace

// As in the daemon: protobuf's complaints about malformed strings go to the
// (here silent) debug log rather than to stderr once per input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parley::log::Init("off");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley::directory;
  auto from_bytes = ParseCharterBytes({data, size});
  if (from_bytes.ok()) {
    if (from_bytes->encoded.size() != size ||
        !std::equal(from_bytes->encoded.begin(), from_bytes->encoded.end(), data)) {
      __builtin_trap();
    }
    CheckInvariants(from_bytes.value());
  }
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto from_text = ParseCharterText(text);
  if (from_text.ok()) CheckInvariants(from_text.value());
  // An anchor key's text form, as `network amend --add-anchor` takes it.
  auto anchor_key = ParseAnchorKeyText(text);
  if (anchor_key.ok()) {
    auto again = ParseAnchorKeyText(AnchorKeyText(anchor_key.value()));
    if (!again.ok() || again.value() != anchor_key.value()) __builtin_trap();
  }
  return 0;
}
