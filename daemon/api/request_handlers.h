// The daemon's half of the local API: one handler per api.proto Request
// operation, found through a dispatch table. Handlers check the request,
// call the messenger and build the Reply.
#pragma once

#include <string>

#include "daemon/directory/directory.h"
#include "daemon/identity/node_identity.h"
#include "daemon/messenger/messenger.h"
#include "daemon/util/status.h"
#include "proto/api.pb.h"

namespace parley::api_server {

struct ApiContext {
  messenger::Messenger& messenger;
  directory::Directory& directory;
  const identity::NodeIdentity& identity;
  std::string listen;  // the endpoint the node is reachable on
  std::string version;
};

// Runs one request. When the store failed underneath it, `storage` holds the
// error and the reply says STORAGE_FAILED: the round must not commit.
api::Reply HandleRequest(ApiContext& context, const api::Request& request, Status& storage);

// The client-facing form of a messenger event; false when it has none.
bool ToApiEvent(const messenger::Messenger& messenger, const messenger::Event& event,
                api::Event& out);

api::Message ToApiMessage(const store::MessageRow& row);

}  // namespace parley::api_server
