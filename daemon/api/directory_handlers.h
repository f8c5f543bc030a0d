// The local API's directory operations: network, amend_network, anchor_key,
// set_profile, show_profile,
// search_directory, and the web of trust's add_contact_point,
// suspend_contact_point, list_contact_points, endorse, revoke
// (docs/protocol.md §9).
#pragma once

#include "daemon/api/request_handlers.h"

namespace parley::api_server {

void Network(ApiContext& context, const api::Request& request, api::Reply& reply, Status& storage);
void AmendNetwork(ApiContext& context, const api::Request& request, api::Reply& reply,
                  Status& storage);
void AnchorKey(ApiContext& context, const api::Request& request, api::Reply& reply,
               Status& storage);
void SetProfile(ApiContext& context, const api::Request& request, api::Reply& reply,
                Status& storage);
void ShowProfile(ApiContext& context, const api::Request& request, api::Reply& reply,
                 Status& storage);
void SearchDirectory(ApiContext& context, const api::Request& request, api::Reply& reply,
                     Status& storage);
void AddContactPoint(ApiContext& context, const api::Request& request, api::Reply& reply,
                     Status& storage);
void SuspendContactPoint(ApiContext& context, const api::Request& request, api::Reply& reply,
                         Status& storage);
void ListContactPoints(ApiContext& context, const api::Request& request, api::Reply& reply,
                       Status& storage);
void Endorse(ApiContext& context, const api::Request& request, api::Reply& reply, Status& storage);
void Revoke(ApiContext& context, const api::Request& request, api::Reply& reply, Status& storage);

// The endorsements of `subject` that hold now, each with its chain up to the anchor.
void AddEndorsements(const ApiContext& context, const crypto::PublicKey& subject,
                     google::protobuf::RepeatedPtrField<api::Endorsement>& out);

}  // namespace parley::api_server
