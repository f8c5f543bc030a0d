#include "daemon/api/directory_handlers.h"

#include <algorithm>

#include "crypto/bytes.h"
#include "crypto/fingerprint.h"
#include "daemon/api/handler_support.h"

namespace parley::api_server {

namespace {

api::DirectoryTrust TrustOf(const ApiContext& context, const crypto::PublicKey& identity_key,
                            std::string& alias) {
  if (identity_key == context.identity.identity.public_identity().identity_key) {
    return api::DIRECTORY_TRUST_SELF;
  }
  const auto* contact = context.messenger.directory().ByIdentityKey(identity_key);
  if (contact == nullptr || contact->is_request()) return api::DIRECTORY_TRUST_UNKNOWN;
  alias = contact->row.alias;
  return contact->row.verified ? api::DIRECTORY_TRUST_VERIFIED : api::DIRECTORY_TRUST_CONTACT;
}

void FillProfile(const ApiContext& context, const directory::Profile& profile, api::Profile& out) {
  const auto& fields = profile.fields;
  out.set_fingerprint(crypto::Fingerprint(profile.identity_key));
  out.set_name_latin(fields.name_latin);
  out.set_name_cyrillic(fields.name_cyrillic);
  out.set_state(fields.state);
  out.set_organisation(fields.organisation);
  out.set_role(fields.role);
  for (const auto& area : fields.areas) out.add_areas(area);
  for (const auto& language : fields.languages) out.add_languages(language);
  out.set_bio(fields.bio);
  out.set_version(profile.version);
  out.set_updated_at_ms(profile.created_at_ms);
  out.set_expires_at_ms(profile.expires_at_ms);
  std::string alias;
  out.set_trust(TrustOf(context, profile.identity_key, alias));
  out.set_alias(alias);
}

// True (and the reply failed) when the node has joined no network.
bool NotJoined(const ApiContext& context, api::Reply& reply) {
  if (context.directory.joined()) return false;
  Fail(reply, api::NO_NETWORK);
  return true;
}

}  // namespace

void Network(ApiContext& context, const api::Request&, api::Reply& reply, Status&) {
  if (NotJoined(context, reply)) return;
  const directory::Charter& charter = *context.directory.charter();
  auto* out = reply.mutable_network();
  out->set_name(charter.name);
  out->set_network_id(crypto::ToHex(charter.network_id));
  out->set_charter_version(charter.version);
  out->set_anchor(context.directory.is_anchor());
  out->set_charter_fingerprint(crypto::Fingerprint(charter.signer));
  for (const auto& area : charter.areas) {
    auto* a = out->add_areas();
    a->set_slug(area.slug);
    a->set_name_en(area.name_en);
    a->set_name_ru(area.name_ru);
    a->set_priority(area.priority);
    for (const auto& topic : area.topics) {
      auto* t = a->add_topics();
      t->set_slug(topic.slug);
      t->set_name_en(topic.name_en);
      t->set_name_ru(topic.name_ru);
    }
  }
}

void SetProfile(ApiContext& context, const api::Request& request, api::Reply& reply,
                Status& storage) {
  if (NotJoined(context, reply)) return;
  const auto& set = request.set_profile();
  directory::ProfileUpdate update;
  if (set.has_name_latin()) update.name_latin = set.name_latin();
  if (set.has_name_cyrillic()) update.name_cyrillic = set.name_cyrillic();
  if (set.has_state()) update.state = set.state();
  if (set.has_organisation()) update.organisation = set.organisation();
  if (set.has_role()) update.role = set.role();
  if (set.has_bio()) update.bio = set.bio();
  if (set.set_areas()) update.areas.emplace(set.areas().begin(), set.areas().end());
  if (set.set_languages()) update.languages.emplace(set.languages().begin(), set.languages().end());
  auto profile = context.directory.UpdateOwnProfile(update, context.messenger.CardBytes());
  if (!profile.ok()) {
    if (StorageFailed(profile.status(), reply, storage)) return;
    if (profile.status().code() == Status::Code::kInvalidArgument)
      return Fail(reply, api::INVALID_PROFILE, profile.status().message());
    return Fail(reply, api::INTERNAL, profile.status().message());
  }
  FillProfile(context, *profile.value(), *reply.mutable_profile());
}

void ShowProfile(ApiContext& context, const api::Request& request, api::Reply& reply, Status&) {
  if (NotJoined(context, reply)) return;
  const std::string& alias = request.show_profile().alias();
  const directory::Profile* profile = nullptr;
  if (alias.empty()) {
    profile = context.directory.OwnProfile();
  } else {
    const auto* contact = context.messenger.directory().ByAlias(alias);
    if (contact == nullptr) return Fail(reply, api::UNKNOWN_CONTACT, alias);
    profile = context.directory.ProfileOf(contact->row.identity_key);
  }
  if (profile == nullptr) return Fail(reply, api::NO_PROFILE, alias);
  FillProfile(context, *profile, *reply.mutable_profile());
}

void SearchDirectory(ApiContext& context, const api::Request& request, api::Reply& reply, Status&) {
  if (NotJoined(context, reply)) return;
  const auto& search = request.search_directory();
  directory::SearchQuery query;
  query.text = search.text();
  query.state = search.state();
  query.area = search.area();
  query.language = search.language();
  query.limit =
      search.limit() == 0 ? 20 : std::min<std::size_t>(search.limit(), directory::kMaxSearchLimit);
  query.offset = search.offset();
  auto page = context.directory.Search(query);
  auto* out = reply.mutable_directory();
  out->set_total(static_cast<std::uint32_t>(page.total));
  for (const auto& hit : page.hits) {
    const directory::Profile* profile = context.directory.ProfileOfHit(hit);
    if (profile != nullptr) FillProfile(context, *profile, *out->add_profiles());
  }
}

}  // namespace parley::api_server
