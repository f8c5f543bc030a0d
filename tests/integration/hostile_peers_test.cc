// A real parleyd under attack from peers it does not know: it keeps serving
// its owner and its contacts.
#include <gtest/gtest.h>

#include <string>
#include <vector>
#include <zmq.hpp>

#include "crypto/dh.h"
#include "crypto/random.h"
#include "daemon/identity/card.h"
#include "tests/support/curve_dealer.h"
#include "tests/support/test_node.h"

namespace parley::testing {
namespace {

using nlohmann::json;

// A CURVE client with a fresh key, connected to the node of `card`.
zmq::socket_t Stranger(zmq::context_t& context, const identity::ContactCard& card,
                       crypto::Random& random) {
  return CurveDealer(context, card.identity.transport_key, crypto::DhKeyPair::Generate(random),
                     card.endpoints.front());
}

TEST(HostilePeers, StrangersFloodingConnectionsAndJunkDoNotStopContactsOrTheOwner) {
  TestNode anna("Anna"), boris("Boris");
  anna.Init();
  boris.Init();
  anna.Start();
  boris.Start();
  anna.AddContact(boris, "boris");
  boris.AddContact(anna, "anna");
  auto card = identity::ParseCardText(anna.Card());
  ASSERT_TRUE(card.ok());

  zmq::context_t context(1);
  crypto::DeterministicRandom random(99);
  std::vector<zmq::socket_t> strangers;
  for (int i = 0; i < 150; ++i) {
    strangers.push_back(Stranger(context, card.value(), random));
    strangers.back().send(zmq::str_buffer("not a frame at all"), zmq::send_flags::dontwait);
    strangers.back().send(zmq::buffer(std::string(5000, '\xff')), zmq::send_flags::dontwait);
  }
  for (int round = 0; round < 3; ++round) {
    boris.Json({"send", "anna", "still there? " + std::to_string(round)});
  }
  ASSERT_TRUE(WaitUntil([&] {
    auto messages = anna.Json({"messages", "boris"});
    return messages.is_array() && messages.size() == 3;
  })) << anna.DaemonLog();
  EXPECT_TRUE(anna.running());
  EXPECT_EQ(anna.Json({"status"})["contacts"], 1);
  EXPECT_EQ(anna.Json({"requests"}).size(), 0u);  // junk never becomes a request
}

}  // namespace
}  // namespace parley::testing
