// A two-party conversation over a hostile network, after libsignal's
// fuzz_targets/interaction.rs: Alice and Bob send, and the network delivers,
// drops, shuffles and duplicates messages. Either side may start first, so
// both may initiate at once. Shared by interaction_test.cc (seeded actions)
// and the ratchet_interaction fuzz target (actions from the input bytes).
//
// Property checked at every delivery: a message decrypts exactly once: its
// first delivery succeeds (with the right sender), every later copy fails.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "crypto/random.h"
#include "crypto/session_record.h"
#include "test_support.h"

namespace parley::crypto::testing {

class Conversation {
 public:
  enum class Action : std::uint8_t {
    kAliceSends,
    kBobSends,
    kDeliverToAlice,
    kDeliverToBob,
    kDrop,
    kShuffle,
    kDuplicate,
    kReload,  // both records through Serialize / Deserialize
  };
  static constexpr std::uint8_t kActionCount = 8;
  // Bounds that keep every message deliverable (no chain longer than
  // kMaxSkip, no more than kMaxSkippedKeys keys waiting).
  static constexpr std::size_t kMaxInFlight = 500;
  static constexpr std::uint64_t kMaxMessages = 1900;

  explicit Conversation(std::uint64_t seed) : random_(seed), alice_(random_), bob_(random_) {}

  // Applies one action; `argument` picks the message or the side it acts on.
  // Returns a description of the first violated property, if any.
  std::optional<std::string> Step(Action action, std::uint8_t argument) {
    switch (action) {
      case Action::kAliceSends:
        return Send(alice_, bob_, "alice");
      case Action::kBobSends:
        return Send(bob_, alice_, "bob");
      case Action::kDeliverToAlice:
        return Deliver(alice_, bob_, argument);
      case Action::kDeliverToBob:
        return Deliver(bob_, alice_, argument);
      case Action::kDrop: {
        Node& node = argument & 1 ? bob_ : alice_;
        if (!node.inbox.empty()) node.inbox.erase(node.inbox.begin() + Pick(node, argument >> 1));
        return std::nullopt;
      }
      case Action::kShuffle: {
        Node& node = argument & 1 ? bob_ : alice_;
        for (std::size_t i = node.inbox.size(); i > 1; --i) {
          std::swap(node.inbox[i - 1], node.inbox[RandomBelow(i)]);
        }
        return std::nullopt;
      }
      case Action::kDuplicate: {
        Node& node = argument & 1 ? bob_ : alice_;
        if (!node.inbox.empty() && in_flight() < kMaxInFlight) {
          node.inbox.push_back(node.inbox[Pick(node, argument >> 1)]);
        }
        return std::nullopt;
      }
      case Action::kReload:
        if (!Reload(alice_) || !Reload(bob_)) return "reload changed a record";
        return std::nullopt;
    }
    return std::nullopt;
  }

  // Delivers whatever is still in flight, in order.
  std::optional<std::string> DeliverAll() {
    while (!alice_.inbox.empty() || !bob_.inbox.empty()) {
      if (!alice_.inbox.empty()) {
        if (auto error = Deliver(alice_, bob_, 0)) return error;
      }
      if (!bob_.inbox.empty()) {
        if (auto error = Deliver(bob_, alice_, 0)) return error;
      }
    }
    return std::nullopt;
  }

  std::size_t delivered() const { return decrypted_.size(); }
  std::size_t duplicates_refused() const { return duplicates_refused_; }

 private:
  struct InFlight {
    std::uint64_t id = 0;
    EncryptedPayload payload;
  };
  struct Node {
    explicit Node(Random& random) : party(random) {}
    Party party;
    SessionRecord record;
    std::vector<InFlight> inbox;
  };

  std::size_t in_flight() const { return alice_.inbox.size() + bob_.inbox.size(); }

  std::size_t RandomBelow(std::size_t bound) {
    std::uint8_t bytes[4];
    random_.Fill(bytes);
    const std::uint32_t value = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
                                (std::uint32_t{bytes[2]} << 8) | bytes[3];
    return value % bound;
  }

  static std::size_t Pick(const Node& node, std::uint8_t argument) {
    return argument % node.inbox.size();
  }

  std::optional<std::string> Send(Node& from, Node& to, const char* name) {
    if (in_flight() >= kMaxInFlight || next_id_ > kMaxMessages) return std::nullopt;
    if (!from.record.has_session()) {
      const std::uint32_t opk = to.party.AddOneTimePrekey(random_);
      if (!from.record.Initiate(from.party.identity(), to.party.Bundle(opk), random_)) {
        return std::string(name) + ": Initiate failed";
      }
    }
    const std::uint64_t id = next_id_++;
    InFlight message{id, {}};
    if (!from.record.Encrypt(AsBytes(std::to_string(id)), random_, message.payload)) {
      return std::string(name) + ": Encrypt failed for message " + std::to_string(id);
    }
    to.inbox.push_back(std::move(message));
    return std::nullopt;
  }

  std::optional<std::string> Deliver(Node& to, Node& from, std::uint8_t argument) {
    if (to.inbox.empty()) return std::nullopt;
    const std::size_t index = Pick(to, argument);
    const InFlight message = std::move(to.inbox[index]);
    to.inbox.erase(to.inbox.begin() + static_cast<std::ptrdiff_t>(index));

    const PublicKey& sender = from.party.identity().public_identity().identity_key;
    const Bytes before = Copy(to.record.Serialize());
    DecryptResult result;
    const bool ok = to.record.Decrypt(message.payload.kind, message.payload.bytes,
                                      to.party.identity(), to.party, random_, sender, result);
    const std::string what = "message " + std::to_string(message.id);
    if (decrypted_.count(message.id) != 0) {
      if (ok) return what + " decrypted twice";
      if (Copy(to.record.Serialize()) != before) return what + ": refused but state changed";
      ++duplicates_refused_;
      return std::nullopt;
    }
    if (!ok) return what + " failed to decrypt";
    if (std::string(result.plaintext.begin(), result.plaintext.end()) !=
        std::to_string(message.id)) {
      return what + " decrypted to the wrong plaintext";
    }
    if (result.sender_identity_key != sender) return what + ": wrong sender";
    if (result.used_one_time_prekey_id != 0) {
      to.party.DeleteOneTimePrekey(result.used_one_time_prekey_id);
    }
    decrypted_.insert(message.id);
    return std::nullopt;
  }

  static bool Reload(Node& node) {
    const SecureBuffer blob = node.record.Serialize();
    std::optional<SessionRecord> loaded = SessionRecord::Deserialize(blob.view());
    if (!loaded || Copy(loaded->Serialize()) != Copy(blob)) return false;
    node.record = std::move(*loaded);
    return true;
  }

  DeterministicRandom random_;
  Node alice_;
  Node bob_;
  std::uint64_t next_id_ = 1;
  std::set<std::uint64_t> decrypted_;
  std::size_t duplicates_refused_ = 0;
};

}  // namespace parley::crypto::testing
