#include "daemon/api/directory_handlers.h"

#include <algorithm>
#include <cctype>

#include "crypto/bytes.h"
#include "crypto/fingerprint.h"
#include "crypto/random.h"
#include "daemon/api/handler_support.h"

namespace parley::api_server {

namespace {

// Fingerprints as users type them: spaces and case do not matter.
bool SameFingerprint(std::string_view shown, std::string_view typed) {
  auto normal = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  return !typed.empty() && normal(shown) == normal(typed);
}

api::DirectoryTrust TrustOf(const ApiContext& context, const crypto::PublicKey& identity_key,
                            std::string& alias) {
  const auto* contact = context.messenger.directory().ByIdentityKey(identity_key);
  if (contact != nullptr && !contact->is_request()) alias = contact->row.alias;
  if (context.directory.trust().IsRevoked(identity_key) ||
      (contact != nullptr && context.messenger.IsRevoked(*contact))) {
    return api::DIRECTORY_TRUST_REVOKED;
  }
  if (identity_key == context.identity.identity.public_identity().identity_key) {
    return api::DIRECTORY_TRUST_SELF;
  }
  if (contact == nullptr || contact->is_request()) {
    return context.directory.EndorsementsOf(identity_key).empty() ? api::DIRECTORY_TRUST_UNKNOWN
                                                                  : api::DIRECTORY_TRUST_ENDORSED;
  }
  if (contact->row.key_changed) return api::DIRECTORY_TRUST_KEY_CHANGED;
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
  AddEndorsements(context, profile.identity_key, *out.mutable_endorsements());
  if (const auto* delegation = context.directory.trust().ActiveContactPoint(profile.identity_key))
    out.set_contact_point_of(delegation->state);
  const auto* contact = context.messenger.directory().ByIdentityKey(profile.identity_key);
  if (contact != nullptr) {
    if (const auto* introducer = context.messenger.directory().ById(contact->row.introduced_by))
      out.set_introduced_by(introducer->row.alias);
  }
}

// The name a person gave in their profile, when it is held.
std::string NameOf(const ApiContext& context, const crypto::PublicKey& key) {
  const directory::Profile* profile = context.directory.ProfileOf(key);
  if (profile == nullptr) return {};
  return profile->fields.name_latin.empty() ? profile->fields.name_cyrillic
                                            : profile->fields.name_latin;
}

void FillContactPoint(const ApiContext& context, const directory::Statement& delegation,
                      api::ContactPoint& out) {
  // Shown by the key it speaks with now, which rotations may have changed.
  const crypto::PublicKey holder = context.directory.trust().LatestKey(delegation.subject);
  out.set_fingerprint(crypto::Fingerprint(holder));
  out.set_name(NameOf(context, holder));
  const auto* contact = context.messenger.directory().ByIdentityKey(holder);
  if (contact != nullptr && !contact->is_request()) out.set_alias(contact->row.alias);
  out.set_state(delegation.state);
  out.set_suspended(context.directory.trust().IsSuspended(holder));
  out.set_issued_at_ms(delegation.issued_at_ms);
  out.set_anchor_fingerprint(crypto::Fingerprint(delegation.signer));
}

// The contact `alias` names; fails the reply when there is none.
const messenger::Contact* ContactOrFail(const ApiContext& context, const std::string& alias,
                                        api::Reply& reply) {
  const auto* contact = context.messenger.directory().ByAlias(alias);
  if (contact == nullptr || contact->is_request()) {
    Fail(reply, api::UNKNOWN_CONTACT, alias);
    return nullptr;
  }
  return contact;
}

// True (and the reply failed) when the node has joined no network.
bool NotJoined(const ApiContext& context, api::Reply& reply) {
  if (context.directory.joined()) return false;
  Fail(reply, api::NO_NETWORK);
  return true;
}

void FillNetwork(const ApiContext& context, api::NetworkReply& out) {
  const directory::Charter& charter = *context.directory.charter();
  out.set_name(charter.name);
  out.set_network_id(crypto::ToHex(charter.network_id));
  out.set_charter_version(charter.version);
  out.set_anchor(context.directory.is_anchor());
  out.set_charter_fingerprint(crypto::Fingerprint(charter.signer));
  for (const auto& key : charter.anchor_keys) out.add_anchor_fingerprints(crypto::Fingerprint(key));
  out.set_first_anchor(context.directory.is_first_anchor());
  for (const auto& area : charter.areas) {
    auto* a = out.add_areas();
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

}  // namespace

void AddEndorsements(const ApiContext& context, const crypto::PublicKey& subject,
                     google::protobuf::RepeatedPtrField<api::Endorsement>& out) {
  const directory::TrustGraph& trust = context.directory.trust();
  for (const directory::Statement* endorsement : trust.EndorsementsOf(subject)) {
    auto* e = out.Add();
    e->set_subject_fingerprint(crypto::Fingerprint(subject));
    e->set_organisation(endorsement->organisation);
    e->set_state(endorsement->state);
    e->set_endorser_fingerprint(crypto::Fingerprint(endorsement->signer));
    e->set_endorser_name(NameOf(context, endorsement->signer));
    e->set_issued_at_ms(endorsement->issued_at_ms);
    const bool by_anchor = trust.IsAnchor(endorsement->signer);
    e->set_endorser_is_anchor(by_anchor);
    // The delegation the endorser spoke under (it holds, or the endorsement
    // would not), inherited when the endorser has rotated since.
    const directory::Statement* delegation =
        by_anchor ? nullptr : trust.DelegationOf(endorsement->signer);
    const crypto::PublicKey& anchor =
        delegation != nullptr ? delegation->signer : endorsement->signer;
    e->set_anchor_fingerprint(crypto::Fingerprint(anchor));
  }
}

void Network(ApiContext& context, const api::Request&, api::Reply& reply, Status&) {
  if (NotJoined(context, reply)) return;
  FillNetwork(context, *reply.mutable_network());
}

void AmendNetwork(ApiContext& context, const api::Request& request, api::Reply& reply,
                  Status& storage) {
  if (NotJoined(context, reply)) return;
  const auto& amend = request.amend_network();
  // Bounded here, before anything is copied; the charter's own bounds follow.
  if (static_cast<std::size_t>(amend.areas_size()) > directory::kMaxAreas)
    return Fail(reply, api::INVALID_TAXONOMY, "too many areas");
  std::optional<std::vector<directory::Area>> areas;
  if (amend.areas_size() > 0) {
    areas.emplace();
    for (const auto& a : amend.areas()) {
      if (static_cast<std::size_t>(a.topics_size()) > directory::kMaxTopicsPerArea)
        return Fail(reply, api::INVALID_TAXONOMY, "too many topics in " + a.slug());
      directory::Area area{a.slug(), a.name_en(), a.name_ru(), a.priority(), {}};
      for (const auto& t : a.topics())
        area.topics.push_back(directory::Topic{t.slug(), t.name_en(), t.name_ru()});
      areas->push_back(std::move(area));
    }
  }
  directory::CharterChange change;
  change.areas = std::move(areas);
  if (amend.has_name()) change.name = amend.name();
  if (!context.directory.is_anchor()) return Fail(reply, api::NOT_ANCHOR);
  if (!context.directory.is_first_anchor()) return Fail(reply, api::NOT_FIRST_ANCHOR);
  // Bounded before anything is parsed: a charter holds at most kMaxAnchors.
  if (static_cast<std::size_t>(amend.add_anchors_size() + amend.remove_anchors_size()) >
      2 * directory::kMaxAnchors) {
    return Fail(reply, api::INVALID_ANCHOR, "too many anchors");
  }
  for (const auto& text : amend.add_anchors()) {
    auto key = directory::ParseAnchorKeyText(text);
    if (!key.ok()) return Fail(reply, api::INVALID_ANCHOR, key.status().message());
    change.add_anchors.push_back(key.value());
  }
  const auto& anchors = context.directory.charter()->anchor_keys;
  auto anchor_named = [&](const std::string& fingerprint) -> const crypto::PublicKey* {
    auto it = std::find_if(anchors.begin(), anchors.end(), [&](const crypto::PublicKey& key) {
      return SameFingerprint(crypto::Fingerprint(key), fingerprint);
    });
    return it == anchors.end() ? nullptr : &*it;
  };
  for (const auto& fingerprint : amend.remove_anchors()) {
    const crypto::PublicKey* key = anchor_named(fingerprint);
    if (key == nullptr) return Fail(reply, api::INVALID_ANCHOR, fingerprint + " is no anchor");
    change.remove_anchors.push_back(*key);
  }
  if (amend.has_first_anchor()) {
    const crypto::PublicKey* key = anchor_named(amend.first_anchor());
    if (key == nullptr)
      return Fail(reply, api::INVALID_ANCHOR, amend.first_anchor() + " is no anchor");
    change.first_anchor = *key;
  }
  if (auto next = context.directory.AnchorsAfter(change); !next.ok())
    return Fail(reply, api::INVALID_ANCHOR, next.status().message());
  auto amended = context.directory.AmendNetwork(change);
  if (!amended.ok()) {
    const Status& status = amended.status();
    if (StorageFailed(status, reply, storage)) return;
    if (status.code() == Status::Code::kPermissionDenied) return Fail(reply, api::NOT_ANCHOR);
    return Fail(reply, api::INVALID_TAXONOMY, status.message());
  }
  FillNetwork(context, *reply.mutable_network());
}

void AnchorKey(ApiContext& context, const api::Request&, api::Reply& reply, Status& storage) {
  if (NotJoined(context, reply)) return;
  auto key = context.directory.MakeAnchorKey(crypto::SystemRandom());
  if (!key.ok()) {
    if (StorageFailed(key.status(), reply, storage)) return;
    return Fail(reply, api::INTERNAL, key.status().message());
  }
  auto& out = *reply.mutable_anchor_key();
  out.set_key(directory::AnchorKeyText(key.value()));
  out.set_fingerprint(crypto::Fingerprint(key.value()));
  out.set_anchor(context.directory.charter()->IsAnchor(key.value()));
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

void AddContactPoint(ApiContext& context, const api::Request& request, api::Reply& reply,
                     Status& storage) {
  if (NotJoined(context, reply)) return;
  const auto& add = request.add_contact_point();
  const auto* contact = ContactOrFail(context, add.alias(), reply);
  if (contact == nullptr) return;
  std::string state = add.state();
  std::transform(state.begin(), state.end(), state.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  auto added = context.directory.AddContactPoint(contact->row.identity_key, state);
  if (!added.ok()) {
    const Status& status = added.status();
    if (StorageFailed(status, reply, storage)) return;
    switch (status.code()) {
      case Status::Code::kPermissionDenied:
        return Fail(reply, api::NOT_ANCHOR);
      case Status::Code::kInvalidArgument:
        return Fail(reply, api::INVALID_STATE, add.state());
      case Status::Code::kAlreadyExists:
        return Fail(reply, api::ALREADY_SUSPENDED, add.alias());
      default:
        return Fail(reply, api::INTERNAL, status.message());
    }
  }
  FillContactPoint(context, *added.value(), *reply.mutable_contact_point());
}

void SuspendContactPoint(ApiContext& context, const api::Request& request, api::Reply& reply,
                         Status& storage) {
  if (NotJoined(context, reply)) return;
  const std::string& alias = request.suspend_contact_point().alias();
  const auto* contact = ContactOrFail(context, alias, reply);
  if (contact == nullptr) return;
  auto suspended = context.directory.SuspendContactPoint(contact->row.identity_key);
  if (!suspended.ok()) {
    const Status& status = suspended.status();
    if (StorageFailed(status, reply, storage)) return;
    switch (status.code()) {
      case Status::Code::kPermissionDenied:
        return Fail(reply, api::NOT_ANCHOR);
      case Status::Code::kNotFound:
        return Fail(reply, api::NOT_CONTACT_POINT, alias);
      case Status::Code::kAlreadyExists:
        return Fail(reply, api::ALREADY_SUSPENDED, alias);
      default:
        return Fail(reply, api::INTERNAL, status.message());
    }
  }
  FillContactPoint(context, *context.directory.trust().DelegationOf(contact->row.identity_key),
                   *reply.mutable_contact_point());
}

void ListContactPoints(ApiContext& context, const api::Request&, api::Reply& reply, Status&) {
  if (NotJoined(context, reply)) return;
  auto* list = reply.mutable_contact_points();
  for (const auto* delegation : context.directory.trust().ContactPoints()) {
    if (!context.directory.trust().IsAnchor(delegation->signer)) continue;
    FillContactPoint(context, *delegation, *list->add_contact_points());
  }
}

void Endorse(ApiContext& context, const api::Request& request, api::Reply& reply, Status& storage) {
  if (NotJoined(context, reply)) return;
  const auto& endorse = request.endorse();
  const auto* contact = ContactOrFail(context, endorse.alias(), reply);
  if (contact == nullptr) return;
  if (directory::Trimmed(endorse.organisation()).empty())
    return Fail(reply, api::BAD_REQUEST, "organisation");
  auto made = context.directory.Endorse(contact->row.identity_key, endorse.organisation());
  if (!made.ok()) {
    const Status& status = made.status();
    if (StorageFailed(status, reply, storage)) return;
    switch (status.code()) {
      case Status::Code::kPermissionDenied:
        return Fail(reply, api::NOT_ENDORSER);
      case Status::Code::kNotFound:
        return Fail(reply, api::NO_PROFILE, endorse.alias());
      case Status::Code::kInvalidArgument:
        if (status.message() == "organisation")
          return Fail(reply, api::BAD_REQUEST, "organisation");
        return Fail(reply, api::WRONG_STATE, status.message());
      default:
        return Fail(reply, api::INTERNAL, status.message());
    }
  }
  google::protobuf::RepeatedPtrField<api::Endorsement> endorsements;
  AddEndorsements(context, contact->row.identity_key, endorsements);
  for (const auto& e : endorsements) {
    if (e.endorser_fingerprint() == crypto::Fingerprint(made.value()->signer)) {
      *reply.mutable_endorsement() = e;
      return;
    }
  }
  Fail(reply, api::INTERNAL, "the endorsement does not hold");
}

void Revoke(ApiContext& context, const api::Request& request, api::Reply& reply, Status& storage) {
  if (NotJoined(context, reply)) return;
  const auto& revoke = request.revoke();
  auto* out = reply.mutable_revoke();
  if (revoke.mode() == api::RevokeRequest::EXPORT) {
    auto certificate = context.directory.ExportRevocation();
    if (!certificate.ok()) return Fail(reply, api::INTERNAL, certificate.status().message());
    out->set_fingerprint(crypto::Fingerprint(certificate->subject));
    out->set_certificate(directory::RevocationText(certificate.value()));
    return;
  }
  Result<const directory::Statement*> revoked = Status::Internal("no such mode");
  switch (revoke.mode()) {
    case api::RevokeRequest::OWN_KEY_NOW:
      revoked = context.directory.RevokeOwnKey();
      break;
    case api::RevokeRequest::PUBLISH:
      revoked = context.directory.PublishRevocation(revoke.certificate());
      break;
    case api::RevokeRequest::MEMBER: {
      const auto* contact = ContactOrFail(context, revoke.alias(), reply);
      if (contact == nullptr) return;
      revoked = context.directory.RevokeMember(contact->row.identity_key);
      break;
    }
    default:
      return Fail(reply, api::BAD_REQUEST, "mode");
  }
  if (!revoked.ok()) {
    const Status& status = revoked.status();
    if (StorageFailed(status, reply, storage)) return;
    switch (status.code()) {
      case Status::Code::kInvalidArgument:
        return Fail(reply, api::INVALID_REVOCATION, status.message());
      case Status::Code::kPermissionDenied:
        // Only MEMBER can be refused: the node's own key always may revoke itself.
        return Fail(
            reply,
            revoke.mode() == api::RevokeRequest::MEMBER ? api::NOT_REVOKER : api::KEY_REVOKED,
            revoke.alias());
      default:
        return Fail(reply, api::INTERNAL, status.message());
    }
  }
  const crypto::PublicKey& subject = revoked.value()->subject;
  out->set_fingerprint(crypto::Fingerprint(subject));
  out->set_published(true);
  const auto* contact = context.messenger.directory().ByIdentityKey(subject);
  if (contact != nullptr && !contact->is_request()) out->set_alias(contact->row.alias);
}

}  // namespace parley::api_server
