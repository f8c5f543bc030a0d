// SessionCache: the SessionRecord of each contact, loaded from the store on
// first use and written back (SaveDirty) inside the round's transaction.
// After a failed commit, EvictDirty drops every record changed in the round so
// that the next use reloads what was actually committed.
#pragma once

#include <cstdint>
#include <set>
#include <unordered_map>

#include "crypto/session_record.h"
#include "daemon/store/message_table.h"
#include "daemon/util/status.h"

namespace parley::messenger {

class SessionCache {
 public:
  explicit SessionCache(store::SessionTable table) : table_(std::move(table)) {}

  // The contact's record (empty if it never had a session). Loading may fail
  // on a storage error or a record that does not deserialise.
  Result<crypto::SessionRecord*> Get(std::int64_t contact_id);
  void MarkDirty(std::int64_t contact_id) { dirty_.insert(contact_id); }
  // Adopts a record made elsewhere (a first contact's) as changed.
  void Put(std::int64_t contact_id, crypto::SessionRecord record) {
    records_.insert_or_assign(contact_id, std::move(record));
    MarkDirty(contact_id);
  }
  void Forget(std::int64_t contact_id) {
    records_.erase(contact_id);
    dirty_.erase(contact_id);
  }

  Status SaveDirty();
  void ForgetDirtyMarks() { dirty_.clear(); }  // after a successful commit
  void EvictDirty();                           // after a failed one

 private:
  store::SessionTable table_;
  std::unordered_map<std::int64_t, crypto::SessionRecord> records_;
  std::set<std::int64_t> dirty_;
  // Reused for every save: allocating locked memory costs several syscalls.
  crypto::SecureBuffer scratch_;
};

}  // namespace parley::messenger
