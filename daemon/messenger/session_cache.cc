#include "daemon/messenger/session_cache.h"

#include <algorithm>

namespace parley::messenger {

Result<crypto::SessionRecord*> SessionCache::Get(std::int64_t contact_id) {
  auto it = records_.find(contact_id);
  if (it != records_.end()) return &it->second;
  auto stored = table_.Load(contact_id);
  if (!stored.ok()) return stored.status();
  crypto::SessionRecord record;
  if (stored->has_value()) {
    auto parsed = crypto::SessionRecord::Deserialize((*stored)->view());
    if (!parsed)
      return Status::Corrupt("stored session of contact " + std::to_string(contact_id) +
                             " is malformed");
    record = std::move(*parsed);
  }
  return &records_.emplace(contact_id, std::move(record)).first->second;
}

Status SessionCache::SaveDirty() {
  for (std::int64_t contact_id : dirty_) {
    auto it = records_.find(contact_id);
    if (it == records_.end()) continue;
    const std::size_t size = it->second.SerializedSize();
    if (scratch_.size() < size)
      scratch_ = crypto::SecureBuffer(std::max(size, 2 * scratch_.size()));
    auto blob = scratch_.mutable_view().first(size);
    it->second.SerializeInto(blob);
    Status saved = table_.Save(contact_id, blob);
    crypto::Wipe(blob);
    PARLEY_RETURN_IF_ERROR(saved);
  }
  return Status::Ok();
}

void SessionCache::EvictDirty() {
  for (std::int64_t contact_id : dirty_) records_.erase(contact_id);
  dirty_.clear();
}

}  // namespace parley::messenger
