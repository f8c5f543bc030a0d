// The anti-entropy exchange between two contacts (docs/protocol.md §9.5):
//
//   A → B  summary (root, count)          B: equal roots → done
//   B → A  buckets (256 × 8 bytes)
//   A → B  entries: A's hashes in every bucket that differs
//   B → A  objects A lacks; want: the hashes B lacks
//   A → B  objects B wanted
//
// Stateless on both sides: every message is answered from the set as it is
// now, so a lost or repeated message costs bytes, never consistency. The
// next summary (on reconnect, and every kSyncIntervalMs) repairs the rest.
#pragma once

#include <vector>

#include "daemon/directory/sync_set.h"
#include "daemon/util/status.h"
#include "proto/directory.pb.h"

namespace parley::directory {

// Bounds on one message, under the link's 128 KiB frame limit.
constexpr std::size_t kMaxSyncMessageBytes = 96 * 1024;
constexpr std::size_t kMaxSyncHashes = kMaxSyncMessageBytes / sizeof(ObjectHash);
constexpr std::size_t kMaxSyncObjects = 1024;

wire::DirectorySync MakeSummary(const SyncSet& set);

// Objects as sync messages, those a receiver must check first first, each
// message within kMaxSyncMessageBytes.
void AppendObjects(std::vector<const SharedObject*> objects, std::vector<wire::DirectorySync>& out);

// Answers one message from a peer: what to send back, and the objects it
// carried (unchecked: the directory decides what to keep). InvalidArgument
// for a message out of bounds; nothing is answered then.
Status AnswerSync(const SyncSet& set, const wire::DirectorySync& in,
                  std::vector<wire::DirectorySync>& replies,
                  std::vector<wire::DirectoryObject>& received);

}  // namespace parley::directory
