// A member of the network turned hostile: Armen, a real contact point of
// Armenia, runs a modified daemon. The test opens his store, signs with his
// keys what his client would refuse to -- an endorsement for Georgia, a
// tampered endorsement, one by a key nobody delegated, a tampered profile --
// and pushes it over his own authenticated links to each of his contacts,
// as directory sync does. Every node rejects all of it and keeps serving.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "crypto/random.h"
#include "daemon/directory/charter.h"
#include "daemon/directory/profile.h"
#include "daemon/directory/statement.h"
#include "daemon/identity/card.h"
#include "daemon/identity/node_identity.h"
#include "daemon/store/store.h"
#include "daemon/util/clock.h"
#include "proto/wire.pb.h"
#include "tests/integration/web_of_trust_fixture.h"
#include "tests/support/curve_dealer.h"

namespace parley::testing {
namespace {

using nlohmann::json;

identity::ContactCard CardOf(const TestNode& node) {
  auto card = identity::ParseCardText(node.Card());
  EXPECT_TRUE(card.ok()) << node.name();
  return card.ok() ? card.value() : identity::ContactCard{};
}

crypto::Bytes Replaced(crypto::Bytes bytes, const std::string& from, const std::string& to) {
  std::string text(bytes.begin(), bytes.end());
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return crypto::Bytes(text.begin(), text.end());
}

// What a modified daemon holding `node`'s keys sends: the node's identity,
// read from its store while its daemon is stopped.
class ModifiedDaemon {
 public:
  explicit ModifiedDaemon(const TestNode& node) {
    auto store = store::Store::Open(node.home(), crypto::AsBytes(node.passphrase()));
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return;
    auto loaded = identity::LoadNodeIdentity(*store.value());
    EXPECT_TRUE(loaded.ok());
    if (loaded.ok()) identity_ = std::move(loaded.value());
  }
  bool ok() const { return identity_ != nullptr; }
  const identity::NodeIdentity& identity() const { return *identity_; }

  // Pushes `objects` to `contact` over this node's own authenticated link,
  // then asks for its prekeys: the bundle comes back once the round that
  // judged the objects committed.
  bool Push(const identity::ContactCard& contact, const wire::DirectorySync& objects) {
    sockets_.push_back(CurveDealer(context_, contact.identity.transport_key,
                                   identity_->identity.transport(), contact.endpoints.front()));
    zmq::socket_t& dealer = sockets_.back();
    wire::LinkFrame push;
    *push.mutable_directory_sync() = objects;
    wire::LinkFrame ask;
    ask.mutable_prekey_request()->set_identity_key(contact.identity.identity_key.data(),
                                                   contact.identity.identity_key.size());
    dealer.send(zmq::buffer(push.SerializeAsString()), zmq::send_flags::none);
    dealer.send(zmq::buffer(ask.SerializeAsString()), zmq::send_flags::none);
    dealer.set(zmq::sockopt::rcvtimeo, 20'000);
    // Bounded: a daemon that never answers fails the test (20 s a frame).
    for (int frames = 0; frames < 100; ++frames) {
      zmq::message_t reply;
      if (!dealer.recv(reply)) return false;
      wire::LinkFrame frame;
      if (frame.ParseFromArray(reply.data(), static_cast<int>(reply.size())) &&
          frame.has_prekey_bundle()) {
        return true;
      }
    }
    return false;
  }

 private:
  std::unique_ptr<identity::NodeIdentity> identity_;
  zmq::context_t context_{1};
  std::vector<zmq::socket_t> sockets_;  // closed before the context
};

class HostileMember : public WebOfTrust {};

TEST_F(HostileMember, ForgedWrongStateAndTamperedObjectsAreRejectedEverywhere) {
  secretariat_.Json({"contact-point", "add", "armen", "--state", "AM"});
  secretariat_.Json({"contact-point", "add", "nino", "--state", "GE"});
  ASSERT_TRUE(WaitUntil([&] {
    return nino_.Client({"endorse", "giorgi", "--org", "Public Service Development Agency"})
               .exit_code == 0;
  }));
  for (TestNode* member : {&secretariat_, &ani_, &davit_}) {
    ASSERT_TRUE(WaitUntil([&] { return Finds(*member, {"Beridze"}, "Giorgi Beridze"); }))
        << member->name() << member->DaemonLog();
  }
  const auto giorgi = CardOf(giorgi_).identity.identity_key;
  const auto davit = CardOf(davit_).identity.identity_key;
  const std::vector<std::pair<TestNode*, identity::ContactCard>> contacts = {
      {&secretariat_, CardOf(secretariat_)}, {&ani_, CardOf(ani_)}, {&davit_, CardOf(davit_)}};

  armen_.Stop();
  ModifiedDaemon modified(armen_);
  ASSERT_TRUE(modified.ok());
  std::ifstream charter_file(charter_path_);
  std::stringstream charter_text;
  charter_text << charter_file.rdbuf();
  auto charter = directory::ParseCharterText(charter_text.str());
  ASSERT_TRUE(charter.ok());
  const auto now = static_cast<std::uint64_t>(SystemClock().NowUnixMs());
  const crypto::SigningKeyPair& armen = modified.identity().identity.signing();
  using directory::StatementKind;

  // Armenia's contact point endorses a Georgian.
  auto wrong_state = directory::SignStatement(armen, StatementKind::kEndorsement, giorgi, "GE",
                                              "MIA", charter.value(), now);
  // A key nobody delegated endorses Davit.
  auto undelegated = directory::SignStatement(
      crypto::SigningKeyPair::Generate(crypto::SystemRandom()), StatementKind::kEndorsement, davit,
      "AM", "Border Guard", charter.value(), now);
  // Armen's endorsement of Davit, its organisation changed after signing.
  auto genuine = directory::SignStatement(armen, StatementKind::kEndorsement, davit, "AM",
                                          "Border Guard", charter.value(), now);
  // Armen's newer profile, its name changed after signing.
  directory::ProfileFields fields;
  fields.name_latin = "Armen Petrosyan";
  fields.state = "AM";
  fields.organisation = "Ministry";
  fields.role = "Expert";
  fields.areas = {"legal-migration"};
  fields.languages = {"hy", "ru"};
  auto profile = directory::SignProfile(armen, fields, charter.value(), 1'000'000, now,
                                        modified.identity().Card().encoded);
  ASSERT_TRUE(wrong_state.ok() && undelegated.ok() && genuine.ok() && profile.ok());
  const crypto::Bytes tampered_endorsement =
      Replaced(genuine->encoded, "Border Guard", "Border Guarc");
  const crypto::Bytes tampered_profile = Replaced(profile->encoded, "Petrosyan", "Petrosyam");

  wire::DirectorySync objects;
  for (const crypto::Bytes& statement : std::vector<crypto::Bytes>{
           wrong_state->encoded, undelegated->encoded, tampered_endorsement}) {
    objects.mutable_objects()->add_objects()->set_statement(statement.data(), statement.size());
  }
  objects.mutable_objects()->add_objects()->set_profile(tampered_profile.data(),
                                                        tampered_profile.size());
  for (const auto& [node, card] : contacts) {
    ASSERT_TRUE(modified.Push(card, objects)) << node->name() << node->DaemonLog();
  }

  // Nothing of it holds on the nodes it was pushed to...
  auto endorsements_of = [](const TestNode& node, const std::string& name) {
    auto found = node.Json({"directory", "search", name});
    return found.size() == 1 ? found[0]["endorsements"].size() : 0;
  };
  for (const auto& [node, card] : contacts) {
    EXPECT_EQ(endorsements_of(*node, "Beridze"), 1u) << node->name();
    EXPECT_TRUE(Found(*node, {"Petrosyam"}).empty()) << node->name();
    EXPECT_EQ(node->Json({"profile", "show", "armen"})["name_latin"], "Armen Petrosyan")
        << node->name();
  }
  EXPECT_FALSE(Finds(secretariat_, {"Grigoryan"}, "Davit Grigoryan"));
  EXPECT_TRUE(davit_.Json({"profile", "show"})["endorsements"].empty());

  // ... nor anywhere after the network has synced past it: once Armen's
  // genuine daemon endorses Ani and everyone sees that, the push is long
  // judged, and each node still serves its owner.
  armen_.Start();
  ASSERT_TRUE(WaitUntil([&] {
    return armen_.Client({"endorse", "ani", "--org", "Migration Service"}).exit_code == 0;
  })) << armen_.DaemonLog();
  for (TestNode* member : Members()) {
    ASSERT_TRUE(WaitUntil([&] { return Finds(*member, {"Hakobyan"}, "Ani Hakobyan"); }))
        << member->name() << member->DaemonLog();
    EXPECT_EQ(endorsements_of(*member, "Beridze"), 1u) << member->name();
    EXPECT_TRUE(Found(*member, {"Petrosyam"}).empty()) << member->name();
    if (member != &armen_ && member != &davit_) {
      EXPECT_FALSE(Finds(*member, {"Grigoryan"}, "Davit Grigoryan")) << member->name();
    }
  }
  EXPECT_TRUE(davit_.Json({"profile", "show"})["endorsements"].empty());
}

}  // namespace
}  // namespace parley::testing
