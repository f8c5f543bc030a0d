// Key rotation (docs/protocol.md §9.6), the contact's side: a contact that
// rotated its identity tells us its new keys from its new transport key; we
// follow it, keeping everything we had with it. Part of the Messenger.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "daemon/messenger/messenger.h"
#include "daemon/util/proto_bytes.h"

namespace parley::messenger {

Result<FrameVerdict> Messenger::OnKeyRotation(const crypto::PublicKey& transport_key,
                                              const wire::KeyRotation& rotation) {
  if (directory_sink_ == nullptr) return FrameVerdict::kRefused;
  auto card = identity::ParseCardBytes(crypto::AsBytes(rotation.card()));
  // The card's transport key is the one this connection proved it holds.
  if (!card.ok() || card->identity.transport_key != transport_key) return FrameVerdict::kRefused;
  const crypto::PublicKey& successor = card->identity.identity_key;
  if (const Contact* known = directory_.ByIdentityKey(successor); known != nullptr) {
    // Told again at a later connection (it is sent at every one).
    return known->row.transport_key == transport_key ? FrameVerdict::kKeyRotated
                                                     : FrameVerdict::kRefused;
  }
  auto predecessors =
      directory_sink_->OnKeyRotation(crypto::AsBytes(rotation.statement()), successor);
  if (!predecessors.ok()) return predecessors.status();
  // The contact the new key succeeded, however many rotations ago (a node
  // that rotated twice while we were away sends each rotation, oldest first).
  auto known = std::find_if(
      predecessors->begin(), predecessors->end(),
      [this](const crypto::PublicKey& key) { return directory_.ByIdentityKey(key) != nullptr; });
  if (known == predecessors->end()) return FrameVerdict::kRefused;
  Contact* contact = directory_.ByIdentityKey(*known);
  if (contact->is_request() || is_revoked_(successor) ||
      directory_.ByTransportKey(transport_key) != nullptr) {
    return FrameVerdict::kRefused;
  }

  // Every key from the contact's up to the new one: sessions begun under
  // any of them go on. Oldest first; the oldest go when there are too many.
  // (`predecessors` is nearest first: walk back from the contact's key.)
  std::vector<crypto::PublicKey> former = contact->row.former_identity_keys;
  for (auto key = std::make_reverse_iterator(known + 1); key != predecessors->rend(); ++key)
    former.push_back(*key);
  if (former.size() > store::kMaxFormerIdentityKeys)
    former.erase(former.begin(), former.end() - store::kMaxFormerIdentityKeys);
  store::ContactRow updated = contact->row;
  updated.identity_key = successor;
  updated.transport_key = transport_key;
  updated.name = card->name;
  updated.endpoint = card->endpoints.front();
  updated.card = card->encoded;
  updated.former_identity_keys = former;
  PARLEY_RETURN_IF_ERROR(contacts_.UpdateCard(updated));
  // The old key vouched for the new one, but a thief of the old key could
  // have: nothing more goes to the contact until the user compares the new
  // safety number (SECURITY.md, "a changed identity key blocks sending").
  PARLEY_RETURN_IF_ERROR(contacts_.SetKeyChanged(contact->row.id));
  spdlog::info("contact {} rotated its keys; held until its new key is confirmed", contact->row.id);
  directory_.ReplaceCard(*contact, std::move(card.value()));
  contact->row.former_identity_keys = std::move(former);
  contact->row.verified = false;
  contact->row.key_changed = true;
  scheduler_.SetHeld(contact->row.id, true);
  directory_changed_ = true;
  round_rekeyed_.push_back(contact->row.id);
  return FrameVerdict::kKeyRotated;
}

bool Messenger::IsRevoked(const Contact& contact) const {
  if (is_revoked_(contact.row.identity_key)) return true;
  const auto& former = contact.row.former_identity_keys;
  return std::any_of(former.begin(), former.end(), is_revoked_);
}

crypto::Bytes Messenger::KeyRotationFrame(crypto::ByteView rotation) const {
  wire::LinkFrame frame;
  frame.mutable_key_rotation()->set_statement(rotation.data(), rotation.size());
  frame.mutable_key_rotation()->set_card(own_card_.data(), own_card_.size());
  const std::string encoded = frame.SerializeAsString();
  return crypto::Bytes(encoded.begin(), encoded.end());
}

}  // namespace parley::messenger
