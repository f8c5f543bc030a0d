// The local API's introductions: introduce, list_introductions,
// answer_introduction (docs/protocol.md §3.5).
#pragma once

#include "daemon/api/request_handlers.h"

namespace parley::api_server {

void Introduce(ApiContext& context, const api::Request& request, api::Reply& reply,
               Status& storage);
void ListIntroductions(ApiContext& context, const api::Request& request, api::Reply& reply,
                       Status& storage);
void AnswerIntroduction(ApiContext& context, const api::Request& request, api::Reply& reply,
                        Status& storage);

}  // namespace parley::api_server
