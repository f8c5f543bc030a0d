// Writes valid seed inputs for charter_fuzz, profile_fuzz, statement_fuzz
// and directory_sync_fuzz into <dir>/<target>/: real charters (bytes and
// text), real profiles and statements (rotations too) signed against the
// fixed network of fuzz_directory.h, and sync messages of every kind against
// the directory of fuzz_sync_directory.h.
//   directory_fuzz_seeds tests/fuzz/seeds
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "daemon/directory/profile.h"
#include "daemon/directory/statement.h"
#include "daemon/directory/sync_protocol.h"
#include "daemon/directory/trust_graph.h"
#include "daemon/identity/card.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"
#include "tests/fuzz/daemon/fuzz_directory.h"
#include "tests/fuzz/daemon/fuzz_sync_directory.h"

using namespace parley;

namespace {

std::string g_dir;

void Write(const std::string& target, const std::string& name, crypto::ByteView bytes) {
  std::filesystem::create_directories(g_dir + "/" + target);
  const std::string path = g_dir + "/" + target + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

void Write(const std::string& target, const std::string& name,
           const google::protobuf::MessageLite& message) {
  const std::string bytes = message.SerializeAsString();
  Write(target, name, crypto::AsBytes(bytes));
}

void Check(const Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, status.message().c_str());
    std::exit(1);
  }
}

void Expect(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "not as expected: %s\n", what);
    std::exit(1);
  }
}

// `statement` with one bit of its signature flipped: it no longer verifies.
directory::Statement Tampered(directory::Statement statement) {
  statement.encoded.back() ^= 0x01;
  return statement;
}

// What `node`'s directory answers to `message`.
std::vector<wire::DirectorySync> Answer(fuzzing::SyncedDirectory& node,
                                        const wire::DirectorySync& message) {
  std::vector<wire::DirectorySync> replies;
  std::vector<wire::DirectoryObject> received;
  Check(directory::AnswerSync(node.directory->shared(), message, replies, received), "answer");
  return replies;
}

// Whether `node`'s directory keeps something of `message` (tried in a round
// that is rolled back).
bool Keeps(fuzzing::SyncedDirectory& node, const wire::DirectorySync& message) {
  const directory::ObjectHash root = node.directory->shared().Root();
  Check(node.store->db().Begin(), "begin");
  Check(node.directory->OnSyncMessage(fuzzing::SyncedDirectory::kPeer, message), "sync message");
  const bool kept = node.directory->shared().Root() != root;
  node.store->db().Rollback();
  Check(node.directory->OnRolledBack(), "rollback");
  Expect(node.directory->shared().Root() == root, "the directory as before");
  return kept;
}

// A charter with every anchor slot used, signed by the last anchor, with a
// one-area Cyrillic taxonomy: the paths the default charter does not take.
crypto::Bytes ManyAnchorCharter(crypto::Random& random) {
  std::vector<crypto::SigningKeyPair> anchors;
  for (std::size_t i = 0; i < directory::kMaxAnchors; ++i) {
    anchors.push_back(crypto::SigningKeyPair::Generate(random));
  }
  wire::CharterBody body;
  body.set_format(1);
  body.set_network_id(std::string(directory::kNetworkIdSize, '\x5a'));
  body.set_version(3);
  body.set_name("Пражский процесс");
  for (const auto& anchor : anchors) body.add_anchor_keys(AsString(anchor.public_key()));
  auto* area = body.add_areas();
  area->set_slug("asylum-protection");
  area->set_name_en("Asylum and international protection");
  area->set_name_ru("Убежище и международная защита");
  area->set_priority(true);
  auto* topic = area->add_topics();
  topic->set_slug("reception");
  topic->set_name_en("Reception conditions");
  topic->set_name_ru("Условия приёма");
  body.set_created_at_ms(fuzzing::kFuzzCharterCreatedMs);
  wire::Signed signed_charter;
  signed_charter.set_body(body.SerializeAsString());
  signed_charter.set_signer(AsString(anchors.back().public_key()));
  signed_charter.set_signature(AsString(
      anchors.back().Sign(crypto::SignContext::kCharter, crypto::AsBytes(signed_charter.body()))));
  std::string encoded = signed_charter.SerializeAsString();
  auto parsed = directory::ParseCharterBytes(crypto::AsBytes(encoded));
  Check(parsed.status(), "many-anchor charter");
  return parsed->encoded;
}

crypto::Bytes SignedProfile(crypto::Random& random, const directory::Charter& charter,
                            const std::string& card_name, const directory::ProfileFields& fields,
                            std::uint64_t version) {
  auto identity = crypto::Identity::Generate(random);
  auto prekey = crypto::SignedPrekey::Generate(identity.signing(), 1, random);
  const std::uint64_t signed_at = fuzzing::kFuzzNowMs - 24ULL * 3600 * 1000;
  auto card =
      identity::MakeCard(identity, prekey, card_name, {"tcp://198.51.100.7:7470"}, signed_at);
  directory::ProfileFields normal = fields;
  Check(directory::NormaliseProfileFields(normal, charter), "profile fields");
  auto profile =
      directory::SignProfile(identity.signing(), normal, charter, version, signed_at, card.encoded);
  Check(profile.status(), "profile");
  Check(directory::ParseProfile(profile->encoded, charter, fuzzing::kFuzzNowMs).status(),
        "profile at the fuzzing time");
  return profile->encoded;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s SEEDS_DIR\n", argv[0]);
    return 2;
  }
  g_dir = argv[1];
  const fuzzing::FixedNetwork network;

  // charter_fuzz: the fixed charter as bytes and as text, a minimal one and
  // one with every anchor slot used.
  {
    Write("charter_fuzz", "default-bytes", network.charter.encoded);
    const std::string text = network.charter.Text();
    Write("charter_fuzz", "default-text", crypto::AsBytes(text));
    crypto::DeterministicRandom random(0xC4A8);
    auto anchor = crypto::SigningKeyPair::Generate(random);
    auto minimal = directory::CreateCharter(anchor, "N", {{"a", "A", "А", false, {}}},
                                            fuzzing::kFuzzCharterCreatedMs, random);
    Check(minimal.status(), "minimal charter");
    Write("charter_fuzz", "minimal-bytes", minimal->encoded);
    const std::string minimal_text = "  " + minimal->Text() + "\n";
    Write("charter_fuzz", "minimal-text", crypto::AsBytes(minimal_text));
    Write("charter_fuzz", "many-anchors-bytes", ManyAnchorCharter(random));
  }

  // profile_fuzz: profiles of the fixed network, full and minimal.
  {
    crypto::DeterministicRandom random(0x9F0F);
    directory::ProfileFields full;
    full.name_latin = "Anna Ivanova";
    full.name_cyrillic = "Анна Иванова";
    full.state = "UZ";
    full.organisation = "Агентство внешней трудовой миграции";
    full.role = "Head of Unit";
    full.bio = "Labour mobility schemes.\nReintegration of returning migrants.";
    full.areas = {"legal-migration", "return-reintegration", "asylum-protection"};
    full.languages = {"uz", "ru", "en"};
    Write("profile_fuzz", "full", SignedProfile(random, network.charter, "Анна Иванова", full, 3));

    directory::ProfileFields latin_only;
    latin_only.name_latin = "Boris Petrov";
    Write("profile_fuzz", "latin-only",
          SignedProfile(random, network.charter, "Boris Petrov", latin_only, 1));

    directory::ProfileFields cyrillic;
    cyrillic.name_cyrillic = "Жанна Петровић";
    cyrillic.state = "RS";
    cyrillic.areas = {"integration"};
    cyrillic.languages = {"sr"};
    Write("profile_fuzz", "cyrillic",
          SignedProfile(random, network.charter, "Жанна", cyrillic, 12));
  }

  // statement_fuzz: the fixed web of trust's statements, and statements that
  // parse but do not hold: every kind, every kind of signer.
  const fuzzing::FixedTrust trust(network);
  crypto::DeterministicRandom random(0x57A7);
  const auto newcomer = crypto::Identity::Generate(random);
  const auto stranger = crypto::Identity::Generate(random);
  const crypto::PublicKey& newcomer_key = newcomer.signing().public_key();
  const crypto::PublicKey& member_key = trust.member.signing().public_key();
  const auto& charter = network.charter;
  using directory::StatementKind;
  const auto cp_suspension =
      fuzzing::MakeStatement(network.anchor, StatementKind::kSuspension,
                             trust.contact_point.public_key(), "", "", charter);
  const auto renewed_delegation = fuzzing::MakeStatement(
      network.anchor, StatementKind::kContactPoint, trust.contact_point.public_key(), "AM", "",
      charter, fuzzing::kFuzzSignedAtMs + 3600 * 1000);
  const auto cp_endorsement =
      fuzzing::MakeStatement(trust.contact_point, StatementKind::kEndorsement, newcomer_key, "AM",
                             "Ministry of Internal Affairs", charter);
  const auto cp_delegates = fuzzing::MakeStatement(
      trust.contact_point, StatementKind::kContactPoint, newcomer_key, "AM", "", charter);
  const auto suspended_endorsement =
      fuzzing::MakeStatement(trust.suspended, StatementKind::kEndorsement, newcomer_key, "GE",
                             "Public Service Hall", charter);
  const auto cyrillic_endorsement =
      fuzzing::MakeStatement(network.anchor, StatementKind::kEndorsement, newcomer_key, "RU",
                             "Главное управление по вопросам миграции", charter);
  const auto stranger_endorsement =
      fuzzing::MakeStatement(stranger.signing(), StatementKind::kEndorsement, member_key, "AM",
                             "Yerevan State University", charter);
  const auto tampered = Tampered(trust.delegation);
  Expect(!directory::ParseStatement(tampered.encoded, charter, fuzzing::kFuzzNowMs).ok(),
         "the tampered statement is refused");

  // Rotations: the fixed one; another of the same key, later (it loses) and
  // earlier (it wins); a member's; and what the rotated contact point's keys
  // say afterwards. Keys of their own random, so the seeds above and below
  // stay as they were.
  crypto::DeterministicRandom rotation_random(0x807B);
  const auto usurper = crypto::SigningKeyPair::Generate(rotation_random);
  const auto member_successor = crypto::Identity::Generate(rotation_random);
  const auto later_rotation = fuzzing::MakeRotation(trust.rotated, usurper, charter,
                                                    fuzzing::kFuzzRotatedAtMs + 3600 * 1000);
  const auto earlier_rotation = fuzzing::MakeRotation(trust.rotated, usurper, charter,
                                                      fuzzing::kFuzzRotatedAtMs - 1800 * 1000);
  const auto member_rotation = fuzzing::MakeRotation(
      trust.member.signing(), member_successor.signing(), charter, fuzzing::kFuzzRotatedAtMs);
  const auto later_member_rotation = fuzzing::MakeRotation(trust.member.signing(), usurper, charter,
                                                           fuzzing::kFuzzRotatedAtMs + 3600 * 1000);
  const auto successor_endorsement = fuzzing::MakeStatement(
      trust.successor, StatementKind::kEndorsement, newcomer_key, "KZ",
      "Migration Service of Kazakhstan", charter, fuzzing::kFuzzRotatedAtMs + 60 * 1000);
  const auto retired_endorsement = fuzzing::MakeStatement(
      trust.rotated, StatementKind::kEndorsement, newcomer_key, "KZ",
      "Migration Service of Kazakhstan", charter, fuzzing::kFuzzRotatedAtMs + 60 * 1000);
  const auto retired_self_revocation =
      fuzzing::MakeStatement(trust.rotated, StatementKind::kRevocation, trust.rotated.public_key(),
                             "", "", charter, fuzzing::kFuzzRotatedAtMs + 60 * 1000);
  {
    // As statement_fuzz's graph makes of them.
    directory::TrustGraph graph(charter.anchor_keys);
    for (const directory::Statement* statement :
         {&trust.delegation, &trust.old_delegation, &trust.suspension, &trust.endorsement,
          &trust.anchor_endorsement, &trust.rotated_delegation, &trust.rotation}) {
      Expect(graph.Put(*statement), "the fixed web of trust");
    }
    Expect(graph.Holds(later_rotation) && !directory::TrustGraph(graph).Put(later_rotation),
           "a later rotation loses");
    Expect(graph.Holds(earlier_rotation) && directory::TrustGraph(graph).Put(earlier_rotation),
           "an earlier rotation wins");
    Expect(graph.Holds(member_rotation) && graph.Holds(later_member_rotation),
           "the member's rotations");
    Expect(graph.Holds(successor_endorsement), "the successor endorses");
    Expect(!graph.Holds(retired_endorsement), "the retired key endorses no more");
    Expect(graph.Holds(retired_self_revocation), "the retired key revokes itself");
  }
  {
    const std::pair<const char*, const directory::Statement*> statements[] = {
        {"delegation", &trust.delegation},
        {"endorsement", &trust.endorsement},
        {"anchor-endorsement", &trust.anchor_endorsement},
        {"old-delegation", &trust.old_delegation},
        {"suspension", &trust.suspension},
        {"cp-suspension", &cp_suspension},
        {"renewed-delegation", &renewed_delegation},
        {"cp-delegates", &cp_delegates},
        {"suspended-endorsement", &suspended_endorsement},
        {"cyrillic-endorsement", &cyrillic_endorsement},
        {"stranger-endorsement", &stranger_endorsement},
        {"tampered", &tampered},
        {"rotation", &trust.rotation},
        {"later-rotation", &later_rotation},
        {"earlier-rotation", &earlier_rotation},
        {"member-rotation", &member_rotation},
        {"later-member-rotation", &later_member_rotation},
        {"successor-endorsement", &successor_endorsement},
        {"retired-endorsement", &retired_endorsement},
        {"retired-self-revocation", &retired_self_revocation},
    };
    for (const auto& [name, statement] : statements)
      Write("statement_fuzz", name, statement->encoded);
  }

  // directory_sync_fuzz: every kind of message, against the directory that
  // holds the fixed web of trust.
  {
    fuzzing::SyncedDirectory node(network, trust);
    const directory::SyncSet& shared = node.directory->shared();
    const directory::SyncSet empty;
    Write("directory_sync_fuzz", "summary-equal", directory::MakeSummary(shared));
    Write("directory_sync_fuzz", "summary-empty", directory::MakeSummary(empty));

    wire::DirectorySync buckets;
    const crypto::Bytes empty_hashes = empty.BucketHashes();
    buckets.mutable_buckets()->set_hashes(empty_hashes.data(), empty_hashes.size());
    Write("directory_sync_fuzz", "buckets-empty", buckets);

    // The directory's answer to an empty set's buckets: its hashes.
    auto entries = Answer(node, buckets);
    Expect(entries.size() == 1 && entries[0].has_entries(), "entries");
    Write("directory_sync_fuzz", "entries-mine", entries[0]);

    // The same buckets, empty: the directory sends what they lack.
    wire::DirectorySync entries_empty = entries[0];
    for (auto& bucket : *entries_empty.mutable_entries()->mutable_buckets()) bucket.clear_hashes();
    Expect(Answer(node, entries_empty).size() == 1, "objects for empty buckets");
    Write("directory_sync_fuzz", "entries-empty", entries_empty);

    // A bucket with a hash the directory lacks: it wants it.
    const crypto::Bytes suspension_slot = cp_suspension.Slot();
    const auto unknown =
        directory::SyncSet::HashOf(directory::ObjectType::kStatement, cp_suspension.encoded);
    wire::DirectorySync entries_unknown;
    auto* bucket = entries_unknown.mutable_entries()->add_buckets();
    bucket->set_index(directory::SyncSet::BucketOf(suspension_slot));
    bucket->set_hashes(unknown.data(), unknown.size());
    auto wanted = Answer(node, entries_unknown);
    Expect(!wanted.empty() && wanted.back().has_want(), "want");
    Write("directory_sync_fuzz", "entries-unknown", entries_unknown);

    // An empty set's answer to the directory's hashes: it wants them all.
    std::vector<wire::DirectorySync> want_all;
    std::vector<wire::DirectoryObject> none;
    Check(directory::AnswerSync(empty, entries[0], want_all, none), "want all");
    Expect(want_all.size() == 1 && want_all[0].has_want(), "want all");
    Write("directory_sync_fuzz", "want-all", want_all[0]);

    wire::DirectorySync want_some;
    const auto known =
        directory::SyncSet::HashOf(directory::ObjectType::kProfile, trust.member_profile.encoded);
    Expect(shared.Find(known) != nullptr, "the member's profile is shared");
    want_some.mutable_want()->mutable_hashes()->append(
        reinterpret_cast<const char*>(unknown.data()), unknown.size());
    want_some.mutable_want()->mutable_hashes()->append(reinterpret_cast<const char*>(known.data()),
                                                       known.size());
    Write("directory_sync_fuzz", "want-some", want_some);

    // Everything the directory shares, as it sends it.
    auto objects = Answer(node, want_all[0]);
    Expect(objects.size() == 1 && objects[0].objects().objects_size() == 7, "objects");
    Expect(!Keeps(node, objects[0]), "nothing new in its own objects");
    Write("directory_sync_fuzz", "objects-all", objects[0]);

    // News: a suspension that ends the contact point's endorsements; a
    // newcomer it endorses; a newer delegation and profile.
    const auto suspension = fuzzing::ObjectsMessage({&cp_suspension}, {});
    Expect(Keeps(node, suspension), "the suspension is kept");
    Write("directory_sync_fuzz", "objects-suspension", suspension);

    const auto newcomer_profile = fuzzing::MakeProfile(
        newcomer, fuzzing::FieldsOf("Narek Sargsyan", "AM"), charter, 1, random);
    auto renewed_fields = fuzzing::FieldsOf("Ani Hakobyan", "AM");
    renewed_fields.role = "Head of the Legal Department";
    const auto renewed_profile =
        fuzzing::MakeProfile(trust.member, renewed_fields, charter, 2, random);
    const auto news = fuzzing::ObjectsMessage({&renewed_delegation, &cp_endorsement},
                                              {&newcomer_profile, &renewed_profile});
    Expect(Keeps(node, news), "the news is kept");
    Write("directory_sync_fuzz", "objects-news", news);

    // What no directory keeps: statements that do not hold or verify, and a
    // profile nobody endorsed.
    const auto stranger_profile =
        fuzzing::MakeProfile(stranger, fuzzing::FieldsOf("Carla Rossi", "IT"), charter, 1, random);
    const auto refused = fuzzing::ObjectsMessage(
        {&suspended_endorsement, &cp_delegates, &stranger_endorsement, &tampered},
        {&stranger_profile});
    Expect(!Keeps(node, refused), "nothing refused is kept");
    Write("directory_sync_fuzz", "objects-refused", refused);

    // A member's rotation, a later one that loses to it, and the profile of
    // the new key, endorsed through the old one.
    const auto successor_profile = fuzzing::MakeProfile(
        member_successor, fuzzing::FieldsOf("Ani Hakobyan", "AM"), charter, 1, rotation_random);
    const auto rotation =
        fuzzing::ObjectsMessage({&member_rotation, &later_member_rotation}, {&successor_profile});
    Expect(Keeps(node, rotation), "the rotation is kept");
    Write("directory_sync_fuzz", "objects-rotation", rotation);

    // The secretariat's amendment (a new area), and a stranger's charter
    // claiming the network, which no directory takes.
    auto areas = charter.areas;
    areas.push_back(directory::Area{
        "climate-mobility", "Climate and mobility", "Климат и мобильность", false, {}});
    auto amended = directory::AmendCharter(charter, network.anchor, charter.name, areas,
                                           charter.anchor_keys, 2);
    Expect(amended.ok(), "the amendment is made");
    directory::Charter claimed = charter;
    claimed.anchor_keys = {stranger.signing().public_key()};
    auto forged = directory::AmendCharter(claimed, stranger.signing(), "Hijacked", areas,
                                          claimed.anchor_keys, 2);
    Expect(forged.ok(), "the forgery is made");
    wire::DirectorySync amendment;
    amendment.mutable_objects()->add_objects()->set_charter(
        std::string(amended->encoded.begin(), amended->encoded.end()));
    Expect(Keeps(node, amendment), "the amendment is kept");
    Write("directory_sync_fuzz", "objects-amendment", amendment);
    wire::DirectorySync forgery;
    forgery.mutable_objects()->add_objects()->set_charter(
        std::string(forged->encoded.begin(), forged->encoded.end()));
    Expect(!Keeps(node, forgery), "the forged charter is refused");
    Write("directory_sync_fuzz", "objects-forged-charter", forgery);
  }
  return 0;
}
