// The store's schema and its forward migrations (PRAGMA user_version).
#pragma once

#include "daemon/store/database.h"
#include "daemon/util/status.h"

namespace parley::store {

// The version this build writes. A store of a newer version is refused.
int CurrentSchemaVersion();

// Applies every migration above the store's version up to `target` (tests
// build older stores with it), each in its own transaction together with the
// new user_version.
Status Migrate(Database& db, int target = CurrentSchemaVersion());

}  // namespace parley::store
