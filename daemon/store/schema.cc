#include "daemon/store/schema.h"

#include <algorithm>
#include <string>
#include <vector>

namespace parley::store {

namespace {

// Migration N takes the store from version N to N+1. Never edit a migration
// that has shipped; add a new one.
const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {
      // 0 -> 1: the first schema.
      R"sql(
      CREATE TABLE node (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        identity BLOB NOT NULL,          -- crypto::Identity::Serialize()
        listen TEXT NOT NULL,            -- endpoint the ROUTER binds
        announce TEXT NOT NULL,          -- endpoint the card advertises
        created_at INTEGER NOT NULL
      );
      CREATE TABLE signed_prekeys (
        id INTEGER PRIMARY KEY,
        secret BLOB NOT NULL,
        signature BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE one_time_prekeys (
        id INTEGER PRIMARY KEY,
        secret BLOB NOT NULL
      );
      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        alias TEXT UNIQUE,                -- NULL while a first-contact request
        status INTEGER NOT NULL,          -- 1 contact, 2 request
        identity_key BLOB NOT NULL UNIQUE,
        transport_key BLOB NOT NULL UNIQUE,
        name TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        card BLOB NOT NULL,
        verified INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        record BLOB NOT NULL             -- crypto::SessionRecord::Serialize()
      );
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,          -- local order
        id BLOB NOT NULL,                 -- 16 bytes, the envelope id
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        direction INTEGER NOT NULL,       -- 1 in, 2 out
        body TEXT NOT NULL,
        state INTEGER NOT NULL,           -- 1 queued, 2 sent, 3 delivered
        sent_at INTEGER NOT NULL,         -- sender's clock, Unix ms
        received_at INTEGER,              -- incoming: our clock
        UNIQUE (contact_id, direction, id)
      );
      CREATE INDEX messages_by_contact ON messages (contact_id, seq);
      -- Encrypted envelopes of outgoing messages not yet acknowledged.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,          -- messages.seq
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        envelope BLOB NOT NULL
      );
      )sql",
      // 1 -> 2: the expert directory (docs/protocol.md §9).
      R"sql(
      CREATE TABLE network (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        charter BLOB NOT NULL            -- wire.Signed (CharterBody), verified when read
      );
      -- Anchor keys this node holds: it signed (or may amend) the charter.
      CREATE TABLE anchor_keys (
        public_key BLOB PRIMARY KEY,
        secret BLOB NOT NULL             -- Ed25519 secret key, 64 bytes
      );
      -- Signed directory objects, one per (kind, subject): the newest version.
      CREATE TABLE directory_objects (
        kind INTEGER NOT NULL,           -- 1 profile
        subject BLOB NOT NULL,           -- profile: the owner's identity key
        version INTEGER NOT NULL,
        object BLOB NOT NULL,            -- wire.Signed
        expires_at INTEGER NOT NULL,     -- Unix ms
        PRIMARY KEY (kind, subject)
      );
      )sql",
      // 2 -> 3: introductions (docs/protocol.md §3.5).
      R"sql(
      -- Who introduced a contact, when one did (NULL otherwise).
      ALTER TABLE contacts ADD COLUMN introduced_by INTEGER REFERENCES contacts(id)
        ON DELETE SET NULL;
      -- Introductions received and not yet answered.
      CREATE TABLE introductions (
        id INTEGER PRIMARY KEY,
        introducer_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        message_id BLOB NOT NULL,        -- of the envelope that carried it
        card BLOB NOT NULL,              -- wire.Card of the introduced person, verified
        note TEXT NOT NULL,
        received_at INTEGER NOT NULL,    -- Unix ms
        UNIQUE (introducer_id, message_id)
      );
      )sql",
      // 3 -> 4: key rotation (docs/protocol.md §9.6).
      R"sql(
      -- This node's identities before its rotations: what contacts sent to
      -- them, and sessions begun under them, must still decrypt.
      CREATE TABLE retired_identities (
        id INTEGER PRIMARY KEY,
        identity BLOB NOT NULL,          -- crypto::Identity::Serialize()
        retired_at INTEGER NOT NULL      -- Unix ms
      );
      -- A contact's identity keys before its rotations (n x 32 bytes): its
      -- sessions begun under them go on.
      ALTER TABLE contacts ADD COLUMN former_identity_keys BLOB NOT NULL DEFAULT x'';
      )sql",
      // 4 -> 5: first messages wait for the recipient's prekeys (docs/protocol.md §3.3).
      R"sql(
      -- Outgoing messages to a contact with no session yet: encrypted and
      -- moved to the outbox once the contact's prekey bundle arrives (or a
      -- session it began does).
      CREATE TABLE awaiting_session (
        seq INTEGER PRIMARY KEY,          -- messages.seq
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        content BLOB NOT NULL             -- wire.Content, its id and time set
      );
      -- One-time prekeys are handed out on request, one per requester until
      -- used, and evicted oldest first.
      ALTER TABLE one_time_prekeys ADD COLUMN minted_at INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE one_time_prekeys ADD COLUMN requester BLOB NOT NULL DEFAULT x'';
      )sql",
      // 5 -> 6: a contact whose identity key changed is held until re-verified.
      R"sql(
      -- 1: the contact rotated to a key the user has not confirmed yet;
      -- nothing is sent to it until they do (docs/protocol.md §9.6).
      ALTER TABLE contacts ADD COLUMN key_changed INTEGER NOT NULL DEFAULT 0;
      )sql",
      // 6 -> 7: the envelopes of a round are stored together (decision 34).
      R"sql(
      -- The envelopes one round committed to one contact, one after another.
      CREATE TABLE outbox_batches (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        first_seq INTEGER NOT NULL,       -- the lowest and highest messages.seq in it
        last_seq INTEGER NOT NULL,
        envelopes BLOB NOT NULL
      );
      -- One per unacknowledged outgoing message: where its envelope lies.
      CREATE TABLE outbox_entries (
        seq INTEGER PRIMARY KEY,          -- messages.seq
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        batch_id INTEGER NOT NULL,        -- outbox_batches.id
        offset INTEGER NOT NULL,
        length INTEGER NOT NULL
      );
      INSERT INTO outbox_batches (id, contact_id, first_seq, last_seq, envelopes)
        SELECT seq, contact_id, seq, seq, envelope FROM outbox;
      INSERT INTO outbox_entries (seq, contact_id, batch_id, offset, length)
        SELECT seq, contact_id, seq, 0, length(CAST(envelope AS BLOB)) FROM outbox;
      DROP TABLE outbox;
      )sql",
  };
  return kMigrations;
}

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(Migrations().size()); }

Status Migrate(Database& db, int target) {
  const int version = db.user_version();
  if (version < 0) return Status::Corrupt("cannot read the store's schema version");
  if (version > CurrentSchemaVersion()) {
    return Status::InvalidArgument("the store was written by a newer parleyd (schema " +
                                   std::to_string(version) + "); upgrade parleyd");
  }
  for (int v = version; v < std::min(target, CurrentSchemaVersion()); ++v) {
    PARLEY_RETURN_IF_ERROR(db.Begin());
    Status status = db.Exec(Migrations()[static_cast<std::size_t>(v)]);
    if (status.ok()) {
      std::string set_version = "PRAGMA user_version = " + std::to_string(v + 1);
      status = db.Exec(set_version.c_str());
    }
    if (status.ok()) status = db.Commit();
    if (!status.ok()) {
      db.Rollback();
      return status;
    }
  }
  return Status::Ok();
}

}  // namespace parley::store
