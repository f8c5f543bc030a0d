// directory_sync_bench: the bytes two nodes exchange by anti-entropy after
// one profile changes in a directory of N endorsed profiles (issue 3: under
// 10 KiB for N = 10,000).
//
//   directory_sync_bench [--profiles N] [--reps N] [--seed N]
//
// Two real Directories on real SQLCipher stores join one network and are fed
// the same N endorsed profiles (N profiles + N anchor endorsements, each
// signed and verified as on the wire). Each repetition, one profile gets a
// new version that only node A receives; then A starts an exchange with B
// (protocol.md §9.5) and the frames are carried between them until both are
// quiet, counting every LinkFrame byte both ways. The baseline, measured in
// the same run: the bytes of the whole shared set, which is what a sync
// without digests would move. Also: an exchange between equal directories.
//
// Prints "SUMMARY <name> median= min= max= <unit> (N=reps)" lines.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "daemon/directory/directory.h"
#include "daemon/identity/card.h"
#include "daemon/store/store.h"
#include "proto/wire.pb.h"

namespace {

using namespace parley;
using BenchClock = std::chrono::steady_clock;

constexpr const char* kStates[] = {"AM", "GE", "AZ", "MD", "UA", "UZ",
                                   "KZ", "KG", "TJ", "TM", "RS", "AL"};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "directory_sync_bench: %s\n", what.c_str());
  std::exit(1);
}

void Check(const Status& status, const char* what) {
  if (!status.ok()) Die(std::string(what) + ": " + status.message());
}

struct Node {
  std::string home;
  std::unique_ptr<store::Store> store;
  crypto::SigningKeyPair owner;
  std::unique_ptr<directory::Directory> directory;
};

std::unique_ptr<Node> MakeNode(const directory::Charter& charter, crypto::Random& random,
                               const Clock& clock) {
  char pattern[] = "/tmp/parley-sync-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) Die("mkdtemp");
  auto store =
      store::Store::Create(pattern, crypto::AsBytes(std::string("bench")), {1, 8192}, random);
  Check(store.status(), "store");
  auto node = std::unique_ptr<Node>(
      new Node{pattern, std::move(store.value()), crypto::SigningKeyPair::Generate(random), {}});
  Check(directory::Directory::JoinNetwork(*node->store, charter), "join");
  auto loaded = directory::Directory::Load(*node->store, node->owner, "Bench node", clock);
  Check(loaded.status(), "load");
  node->directory = std::move(loaded.value());
  return node;
}

// Hands `message` to `node` as from contact `from`, in one transaction.
void Deliver(Node& node, std::int64_t from, const wire::DirectorySync& message) {
  Check(node.store->db().Begin(), "begin");
  Check(node.directory->OnSyncMessage(from, message), "sync");
  Check(node.store->db().Commit(), "commit");
  node.directory->OnCommitted();
}

wire::DirectorySync Objects(const std::vector<const crypto::Bytes*>& objects, bool statements) {
  wire::DirectorySync message;
  for (const auto* object : objects) {
    auto* added = message.mutable_objects()->add_objects();
    const char* data = reinterpret_cast<const char*>(object->data());
    if (statements) {
      added->set_statement(data, object->size());
    } else {
      added->set_profile(data, object->size());
    }
  }
  return message;
}

void FeedAll(Node& node, const std::vector<crypto::Bytes>& objects, bool statements) {
  for (std::size_t at = 0; at < objects.size(); at += 1000) {
    std::vector<const crypto::Bytes*> batch;
    for (std::size_t i = at; i < std::min(objects.size(), at + 1000); ++i)
      batch.push_back(&objects[i]);
    Deliver(node, 99, Objects(batch, statements));
  }
  node.directory->TakeFrames({});  // no contacts to push to
}

struct Exchange {
  std::size_t bytes = 0;
  std::size_t messages = 0;
  double ms = 0;
};

// A (contact 1 of B) starts; frames go back and forth until both are quiet.
Exchange RunExchange(Node& a, Node& b) {
  constexpr std::int64_t kA = 1, kB = 2;
  Exchange result;
  const auto start = BenchClock::now();
  a.directory->StartSync(kB);
  a.directory->OnCommitted();
  for (bool moved = true; moved;) {
    moved = false;
    for (auto [from, to, to_id_of_from] : {std::tuple{&a, &b, kA}, std::tuple{&b, &a, kB}}) {
      for (const auto& [contact, frame] : from->directory->TakeFrames({})) {
        (void)contact;
        moved = true;
        result.bytes += frame.size();
        ++result.messages;
        wire::LinkFrame parsed;
        if (!parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size())))
          Die("unreadable frame");
        Deliver(*to, to_id_of_from, parsed.directory_sync());
      }
    }
  }
  result.ms = std::chrono::duration<double, std::milli>(BenchClock::now() - start).count();
  return result;
}

void Summary(const char* name, std::vector<double> values, const char* unit) {
  std::sort(values.begin(), values.end());
  std::printf("SUMMARY %s median=%.1f min=%.1f max=%.1f %s (N=%zu)\n", name,
              values[values.size() / 2], values.front(), values.back(), unit, values.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t profiles = 10'000;
  int reps = 5;
  std::uint64_t seed = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const auto value = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--profiles") profiles = value;
    if (flag == "--reps") reps = static_cast<int>(value);
    if (flag == "--seed") seed = value;
  }
  crypto::DeterministicRandom random(seed);
  SystemClock clock;
  const auto now = static_cast<std::uint64_t>(clock.NowUnixMs());
  const auto anchor = crypto::SigningKeyPair::Generate(random);
  auto charter =
      directory::CreateCharter(anchor, "Prague Process", directory::DefaultTaxonomy(), now, random);
  Check(charter.status(), "charter");

  // Only the experts whose profile a repetition changes keep their keys:
  // each key pair holds guarded pages of locked memory.
  auto changed_index = [&](int rep) {
    return (static_cast<std::size_t>(rep) * 7919 + 13) % profiles;
  };
  struct Expert {
    crypto::Identity identity;
    crypto::Bytes card;
    directory::ProfileFields fields;
  };
  std::map<std::size_t, Expert> experts;
  std::vector<crypto::Bytes> profile_bytes, endorsement_bytes;
  auto started = BenchClock::now();
  for (std::size_t i = 0; i < profiles; ++i) {
    auto identity = crypto::Identity::Generate(random);
    auto prekey = crypto::SignedPrekey::Generate(identity.signing(), 1, random);
    const std::string name = "Expert " + std::to_string(i);
    auto card = identity::MakeCard(identity, prekey, name, {"tcp://198.51.100.7:7470"}, now);
    directory::ProfileFields fields;
    fields.name_latin = name;
    fields.state = kStates[i % std::size(kStates)];
    fields.organisation = "Ministry of Internal Affairs, Migration Department";
    fields.role = "Head of the unit for labour migration and readmission";
    fields.bio =
        "Works on readmission agreements, reintegration programmes and labour "
        "mobility schemes with partner states; speaks at Prague Process meetings.";
    fields.areas = {"legal-migration", "return-reintegration"};
    fields.languages = {"ru", "en"};
    auto profile =
        directory::SignProfile(identity.signing(), fields, *charter, 1, now, card.encoded);
    Check(profile.status(), "profile");
    auto endorsement = directory::SignStatement(anchor, directory::StatementKind::kEndorsement,
                                                identity.signing().public_key(), fields.state,
                                                "Ministry of Internal Affairs", *charter, now);
    Check(endorsement.status(), "endorsement");
    profile_bytes.push_back(profile->encoded);
    endorsement_bytes.push_back(endorsement->encoded);
    for (int rep = 0; rep < reps; ++rep) {
      if (changed_index(rep) == i) {
        experts.emplace(i, Expert{std::move(identity), card.encoded, std::move(fields)});
        break;
      }
    }
  }
  std::printf("%zu endorsed profiles signed in %.1f s\n", profiles,
              std::chrono::duration<double>(BenchClock::now() - started).count());

  auto a = MakeNode(*charter, random, clock);
  auto b = MakeNode(*charter, random, clock);
  started = BenchClock::now();
  for (Node* node : {a.get(), b.get()}) {
    FeedAll(*node, endorsement_bytes, true);
    FeedAll(*node, profile_bytes, false);
  }
  std::printf("both nodes fed in %.1f s; shared set %zu objects each\n",
              std::chrono::duration<double>(BenchClock::now() - started).count(),
              a->directory->shared().size());
  if (a->directory->shared().size() != 2 * profiles + 1 ||  // and the charter
      a->directory->shared().Root() != b->directory->shared().Root()) {
    Die("the two directories differ after feeding");
  }
  std::size_t whole_set = 0;
  for (const auto& bytes : profile_bytes) whole_set += bytes.size();
  for (const auto& bytes : endorsement_bytes) whole_set += bytes.size();

  const Exchange equal = RunExchange(*a, *b);
  std::printf("equal directories: %zu bytes in %zu messages\n", equal.bytes, equal.messages);

  std::vector<double> bytes, ratios, times;
  for (int rep = 0; rep < reps; ++rep) {
    Expert& changed = experts.at(changed_index(rep));
    changed.fields.role = "Deputy head, rep " + std::to_string(rep);
    auto profile = directory::SignProfile(changed.identity.signing(), changed.fields, *charter,
                                          static_cast<std::uint64_t>(rep) + 2, now, changed.card);
    Check(profile.status(), "changed profile");
    Deliver(*a, 99, Objects({&profile->encoded}, false));
    a->directory->TakeFrames({});  // A's eager push is not counted: anti-entropy alone
    const Exchange exchange = RunExchange(*a, *b);
    if (a->directory->shared().Root() != b->directory->shared().Root())
      Die("the exchange did not bring the directories together");
    std::printf("rep %d: one changed profile (%zu bytes): %zu bytes in %zu messages, %.1f ms\n",
                rep, profile->encoded.size(), exchange.bytes, exchange.messages, exchange.ms);
    bytes.push_back(static_cast<double>(exchange.bytes));
    ratios.push_back(static_cast<double>(whole_set) / static_cast<double>(exchange.bytes));
    times.push_back(exchange.ms);
  }
  // A delegation can change what every endorsement means: the directory
  // re-derives every profile's visibility (RefreshAll).
  std::vector<double> delegations;
  for (int rep = 0; rep < 3; ++rep) {
    auto delegated = directory::SignStatement(anchor, directory::StatementKind::kContactPoint,
                                              crypto::SigningKeyPair::Generate(random).public_key(),
                                              kStates[rep % 12], "", *charter, now);
    Check(delegated.status(), "delegation");
    started = BenchClock::now();
    Deliver(*a, 99, Objects({&delegated->encoded}, true));
    delegations.push_back(
        std::chrono::duration<double, std::milli>(BenchClock::now() - started).count());
    a->directory->TakeFrames({});
    std::printf("delegation %d: %.1f ms\n", rep, delegations.back());
  }

  // A self-revocation of a key nothing vouches for (what a member minting
  // throwaway keys sends) changes no one else's standing.
  std::vector<double> junk;
  for (int rep = 0; rep < 3; ++rep) {
    const auto throwaway = crypto::SigningKeyPair::Generate(random);
    auto revocation = directory::SignStatement(throwaway, directory::StatementKind::kRevocation,
                                               throwaway.public_key(), "", "", *charter, now);
    Check(revocation.status(), "junk revocation");
    started = BenchClock::now();
    Deliver(*a, 99, Objects({&revocation->encoded}, true));
    junk.push_back(std::chrono::duration<double, std::milli>(BenchClock::now() - started).count());
    a->directory->TakeFrames({});
    std::printf("junk self-revocation %d: %.2f ms\n", rep, junk.back());
  }

  // A daemon's start-up (and a rolled-back round) reloads the directory.
  const auto root_before_reload = a->directory->shared().Root();
  std::vector<double> reloads;
  for (int rep = 0; rep < 3; ++rep) {
    started = BenchClock::now();
    Check(a->directory->Reload(), "reload");
    reloads.push_back(std::chrono::duration<double>(BenchClock::now() - started).count());
    std::printf("reload %d: %.2f s\n", rep, reloads.back());
  }
  if (a->directory->shared().Root() != root_before_reload) Die("a reload changed the directory");
  // Baseline, same run: checking every stored object's signatures again, as
  // a reload did before it trusted the (authenticated) store.
  started = BenchClock::now();
  for (const auto& object : endorsement_bytes)
    Check(directory::ParseStatement(object, *charter, now).status(), "verify statement");
  for (const auto& object : profile_bytes)
    Check(directory::ParseProfile(object, *charter, now).status(), "verify profile");
  const double reverify = std::chrono::duration<double>(BenchClock::now() - started).count();
  std::printf("baseline: verifying every stored object again takes %.2f s\n", reverify);

  std::printf("baseline: the whole shared set is %zu bytes\n", whole_set);
  Summary("sync_one_change_bytes", bytes, "bytes");
  Summary("sync_whole_set_over_one_change", ratios, "x");
  Summary("sync_one_change_ms", times, "ms");
  Summary("sync_equal_bytes", {static_cast<double>(equal.bytes)}, "bytes");
  Summary("directory_delegation_ms", delegations, "ms");
  Summary("directory_junk_revocation_ms", junk, "ms");
  Summary("directory_reload_s", reloads, "s");
  Summary("directory_reverify_baseline_s", {reverify}, "s");
  for (Node* node : {a.get(), b.get()}) {
    node->directory.reset();
    node->store.reset();
    std::filesystem::remove_all(node->home);
  }
  return 0;
}
