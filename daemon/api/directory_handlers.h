// The local API's directory operations: network, set_profile, show_profile,
// search_directory (docs/protocol.md §9).
#pragma once

#include "daemon/api/request_handlers.h"

namespace parley::api_server {

void Network(ApiContext& context, const api::Request& request, api::Reply& reply, Status& storage);
void SetProfile(ApiContext& context, const api::Request& request, api::Reply& reply,
                Status& storage);
void ShowProfile(ApiContext& context, const api::Request& request, api::Reply& reply,
                 Status& storage);
void SearchDirectory(ApiContext& context, const api::Request& request, api::Reply& reply,
                     Status& storage);

}  // namespace parley::api_server
