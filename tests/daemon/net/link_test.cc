#include "daemon/net/link.h"

#include <gtest/gtest.h>

#include <thread>

#include "crypto/dh.h"
#include "crypto/random.h"
#include "daemon/net/rate_limiter.h"
#include "tests/support/curve_dealer.h"

namespace parley::net {
namespace {

class RecordingHandler final : public LinkHandler {
 public:
  ZapVerdict verdict = ZapVerdict::kUnknown;
  std::vector<crypto::PublicKey> authenticated;
  std::vector<std::pair<crypto::PublicKey, std::string>> inbound;
  std::vector<std::pair<std::int64_t, std::string>> replies;
  std::vector<std::int64_t> connected;
  std::vector<std::int64_t> disconnected;

  ZapVerdict Authenticate(const crypto::PublicKey& key) override {
    authenticated.push_back(key);
    return verdict;
  }
  void OnInboundFrame(const std::string& route, const crypto::PublicKey& key,
                      crypto::ByteView frame) override {
    inbound.emplace_back(key, std::string(frame.begin(), frame.end()));
    last_route = route;
  }
  void OnOutboundReply(std::int64_t contact_id, crypto::ByteView frame) override {
    replies.emplace_back(contact_id, std::string(frame.begin(), frame.end()));
  }
  void OnConnected(std::int64_t id) override { connected.push_back(id); }
  void OnDisconnected(std::int64_t id) override { disconnected.push_back(id); }
  std::string last_route;
};

// Runs the links' reactor loops until `done` or the timeout.
bool Spin(std::vector<Link*> links, const std::function<bool()>& done,
          std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    for (Link* link : links) {
      std::vector<zmq::pollitem_t> items;
      link->AppendPollItems(items);
      zmq::poll(items, std::chrono::milliseconds(5));
      link->ProcessReady(items.data(), items.size(), 100);
    }
    if (done()) return true;
  }
  return done();
}

class LinkTest : public ::testing::Test {
 protected:
  // A raw CURVE client with its own key, connected to the server link.
  zmq::socket_t Client(const crypto::DhKeyPair& client, const std::string& endpoint) {
    return parley::testing::CurveDealer(context_, server_keys_.public_key(), client, endpoint);
  }

  crypto::DeterministicRandom random_{5};
  crypto::DhKeyPair server_keys_ = crypto::DhKeyPair::Generate(random_);
  crypto::DhKeyPair client_keys_ = crypto::DhKeyPair::Generate(random_);
  zmq::context_t context_{1};
  RecordingHandler handler_;
};

TEST_F(LinkTest, FrameCarriesTheCurveKeyZapAuthenticated) {
  Link server(context_, handler_, server_keys_);
  auto endpoint = server.Start("tcp://127.0.0.1:0");
  ASSERT_TRUE(endpoint.ok());
  auto client = Client(client_keys_, endpoint.value());
  client.send(zmq::str_buffer("hello"));
  ASSERT_TRUE(Spin({&server}, [&] { return !handler_.inbound.empty(); }));
  EXPECT_EQ(handler_.inbound[0].first, client_keys_.public_key());
  EXPECT_EQ(handler_.inbound[0].second, "hello");
  EXPECT_EQ(handler_.authenticated.at(0), client_keys_.public_key());
}

TEST_F(LinkTest, InterleavedFramesFromTwoClientsEachCarryTheirOwnKey) {
  Link server(context_, handler_, server_keys_);
  auto endpoint = server.Start("tcp://127.0.0.1:0");
  ASSERT_TRUE(endpoint.ok());
  auto other_keys = crypto::DhKeyPair::Generate(random_);
  auto first = Client(client_keys_, endpoint.value());
  auto second = Client(other_keys, endpoint.value());
  // One frame at a time from each in turn, so that every frame comes from
  // the other connection than the one before it.
  for (std::size_t i = 0; i < 20; ++i) {
    auto& client = i % 2 == 0 ? first : second;
    client.send(zmq::buffer((i % 2 == 0 ? "first " : "second ") + std::to_string(i)));
    ASSERT_TRUE(Spin({&server}, [&] { return handler_.inbound.size() == i + 1; }));
  }
  for (std::size_t i = 0; i < handler_.inbound.size(); ++i) {
    const auto& [key, text] = handler_.inbound[i];
    EXPECT_EQ(key, i % 2 == 0 ? client_keys_.public_key() : other_keys.public_key()) << text;
    EXPECT_EQ(text.starts_with("first"), i % 2 == 0) << text;
  }
}

TEST_F(LinkTest, RefusedKeyNeverDeliversAFrame) {
  handler_.verdict = ZapVerdict::kRefuse;
  Link server(context_, handler_, server_keys_);
  auto endpoint = server.Start("tcp://127.0.0.1:0");
  ASSERT_TRUE(endpoint.ok());
  auto client = Client(client_keys_, endpoint.value());
  client.send(zmq::str_buffer("let me in"), zmq::send_flags::dontwait);
  Spin(
      {&server}, [] { return false; }, std::chrono::milliseconds(600));
  EXPECT_FALSE(handler_.authenticated.empty());
  EXPECT_TRUE(handler_.inbound.empty());
}

TEST_F(LinkTest, WithZapDownEveryClientIsRefused) {
  // libzmq fails open without a ZAP handler unless the domain is enforced.
  Link server(context_, handler_, server_keys_);
  auto endpoint = server.Start("tcp://127.0.0.1:0");
  ASSERT_TRUE(endpoint.ok());
  server.StopZapForTesting();
  auto client = Client(client_keys_, endpoint.value());
  client.send(zmq::str_buffer("unknown key"), zmq::send_flags::dontwait);
  Spin(
      {&server}, [] { return false; }, std::chrono::milliseconds(600));
  EXPECT_TRUE(handler_.inbound.empty());
}

TEST_F(LinkTest, OversizedFrameDisconnectsThePeerAndOthersAreStillServed) {
  Link server(context_, handler_, server_keys_);
  auto endpoint = server.Start("tcp://127.0.0.1:0");
  ASSERT_TRUE(endpoint.ok());
  auto client = Client(client_keys_, endpoint.value());
  std::string big(kMaxFrameSize + 1, 'x');
  client.send(zmq::buffer(big));
  client.send(zmq::str_buffer("after the big one"));
  Spin(
      {&server}, [] { return false; }, std::chrono::milliseconds(600));
  for (const auto& frame : handler_.inbound) EXPECT_LT(frame.second.size(), big.size());

  auto other_keys = crypto::DhKeyPair::Generate(random_);
  auto other = Client(other_keys, endpoint.value());
  other.send(zmq::str_buffer("still here"));
  ASSERT_TRUE(Spin({&server}, [&] {
    for (const auto& frame : handler_.inbound) {
      if (frame.second == "still here") return true;
    }
    return false;
  }));
}

TEST_F(LinkTest, TwoLinksConnectExchangeAndReply) {
  RecordingHandler other_handler;
  other_handler.verdict = ZapVerdict::kContact;
  Link server(context_, handler_, server_keys_);
  zmq::context_t other_context(1);  // each link owns the ZAP endpoint of its context
  Link peer(other_context, other_handler, client_keys_);
  auto endpoint = server.Start("tcp://127.0.0.1:0");
  ASSERT_TRUE(endpoint.ok());
  ASSERT_TRUE(peer.Start("tcp://127.0.0.1:0").ok());

  peer.AddPeer(42, endpoint.value(), server_keys_.public_key());
  ASSERT_TRUE(Spin({&server, &peer}, [&] { return peer.IsConnected(42); }));
  EXPECT_EQ(other_handler.connected, std::vector<std::int64_t>{42});
  ASSERT_TRUE(peer.Send(42, crypto::AsBytes("envelope")));
  ASSERT_TRUE(Spin({&server, &peer}, [&] { return !handler_.inbound.empty(); }));
  EXPECT_EQ(handler_.inbound[0].first, client_keys_.public_key());
  ASSERT_TRUE(server.Reply(handler_.last_route, crypto::AsBytes("ack")));
  ASSERT_TRUE(Spin({&server, &peer}, [&] { return !other_handler.replies.empty(); }));
  EXPECT_EQ(other_handler.replies[0], (std::pair<std::int64_t, std::string>{42, "ack"}));
}

TEST(RateLimiterTest, BucketRefillsAndKeysAreBounded) {
  auto t0 = std::chrono::steady_clock::time_point(std::chrono::seconds(100));
  TokenBucket bucket(2, 1);
  EXPECT_TRUE(bucket.TryTake(t0));
  EXPECT_TRUE(bucket.TryTake(t0));
  EXPECT_FALSE(bucket.TryTake(t0));
  EXPECT_TRUE(bucket.TryTake(t0 + std::chrono::seconds(1)));

  KeyedRateLimiter keyed(1, 0.001, 2, std::chrono::seconds(60));
  EXPECT_TRUE(keyed.TryTake("a", t0));
  EXPECT_FALSE(keyed.TryTake("a", t0));
  EXPECT_TRUE(keyed.TryTake("b", t0));
  // Full, and "a" was busy a moment ago: a new key is refused rather than
  // letting "a" start over with a fresh burst.
  EXPECT_FALSE(keyed.TryTake("c", t0));
  EXPECT_FALSE(keyed.TryTake("a", t0));
  // Keys quiet for long enough make room, least recently used first.
  auto later = t0 + std::chrono::seconds(61);
  EXPECT_TRUE(keyed.TryTake("c", later));   // "b" (untouched since t0) goes
  EXPECT_TRUE(keyed.TryTake("b", later));   // then "a"; "b" starts with a fresh burst
  EXPECT_FALSE(keyed.TryTake("d", later));  // "c" and "b" are busy
}

TEST_F(LinkTest, CountsLiveInboundConnections) {
  Link server(context_, handler_, server_keys_);
  auto endpoint = server.Start("tcp://127.0.0.1:0");
  ASSERT_TRUE(endpoint.ok());
  {
    auto one = Client(client_keys_, endpoint.value());
    auto two = Client(crypto::DhKeyPair::Generate(random_), endpoint.value());
    ASSERT_TRUE(Spin({&server}, [&] { return server.live_inbound_connections() == 2; }));
  }
  ASSERT_TRUE(Spin({&server}, [&] { return server.live_inbound_connections() == 0; }));
  handler_.verdict = ZapVerdict::kRefuse;  // refused handshakes are counted out again
  auto refused = Client(client_keys_, endpoint.value());
  Spin(
      {&server}, [] { return false; }, std::chrono::milliseconds(300));
  EXPECT_EQ(server.live_inbound_connections(), 0);
}

}  // namespace
}  // namespace parley::net
