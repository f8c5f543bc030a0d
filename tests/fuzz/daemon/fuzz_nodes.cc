#include "tests/fuzz/daemon/fuzz_nodes.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "proto/wire.pb.h"

namespace parley::fuzzing {

namespace {

std::unique_ptr<directory::Directory> LoadDirectory(testing::LocalNode& node) {
  auto loaded = directory::Directory::Load(node.store(), node.identity().identity.signing(),
                                           node.identity().name, node.clock());
  if (!loaded.ok()) __builtin_trap();
  node.messenger().SetDirectorySink(loaded.value().get());
  return std::move(loaded.value());
}

crypto::Bytes ProfileFrame(const directory::Profile& profile) {
  wire::LinkFrame frame;
  frame.set_own_profile(profile.encoded.data(), profile.encoded.size());
  std::string bytes = frame.SerializeAsString();
  return crypto::Bytes(bytes.begin(), bytes.end());
}

}  // namespace

FuzzNodes::FuzzNodes() {
  crypto::DeterministicRandom random(4);
  auto charter = directory::Directory::CreateNetwork(
      anna.store(), "Fuzz network", static_cast<std::uint64_t>(anna.clock().NowUnixMs()), random);
  if (!charter.ok() || !directory::Directory::JoinNetwork(boris.store(), *charter).ok())
    __builtin_trap();
  anna_directory = LoadDirectory(anna);
  boris_directory = LoadDirectory(boris);
  const directory::Profile* annas_profile = nullptr;
  anna.Round([&] {
    directory::ProfileUpdate update;
    update.state = "UZ";
    update.areas = std::vector<std::string>{"legal-migration"};
    auto made = anna_directory->UpdateOwnProfile(update, anna.messenger().CardBytes());
    if (made.ok()) annas_profile = made.value();
  });
  anna_directory->OnCommitted();
  if (annas_profile == nullptr) __builtin_trap();

  anna.Round([&] { (void)anna.messenger().AddContact(boris.messenger().CardText(), "boris"); });
  boris.Round([&] { (void)boris.messenger().AddContact(anna.messenger().CardText(), "anna"); });
  boris_at_anna = anna.messenger().directory().ByAlias("boris")->row.id;
  auto anna_at_boris = boris.messenger().directory().ByAlias("anna")->row.id;
  // One message each way, so Boris holds an established session.
  anna.Round([&] { (void)anna.messenger().SendText("boris", "first"); });
  anna.Connect(boris_at_anna, boris);
  for (auto& sent : anna.Transmit()) {
    std::vector<store::MessageId> acks;
    boris.Round([&] { (void)boris.messenger().OnFrame(anna.transport_key(), sent.second, acks); });
  }
  boris.Round([&] { (void)boris.messenger().SendText("anna", "reply"); });
  boris.Connect(anna_at_boris, anna);
  for (auto& sent : boris.Transmit()) {
    std::vector<store::MessageId> acks;
    anna.Round([&] { (void)anna.messenger().OnFrame(boris.transport_key(), sent.second, acks); });
  }
  const crypto::Bytes profile_frame = ProfileFrame(*annas_profile);
  std::vector<store::MessageId> no_acks;
  boris.Round(
      [&] { (void)boris.messenger().OnFrame(anna.transport_key(), profile_frame, no_acks); });
  boris_directory->OnCommitted();
  if (boris_directory->ProfileOf(anna.identity().identity.public_identity().identity_key) ==
      nullptr) {
    __builtin_trap();
  }
  // Seeds for the corpus: real frames of every kind, written on request.
  if (const char* dir = std::getenv("PARLEY_FUZZ_WRITE_SEEDS")) {
    int n = 0;
    auto write = [&](const crypto::Bytes& frame) {
      std::ofstream(std::string(dir) + "/seed-" + std::to_string(n++), std::ios::binary)
          .write(reinterpret_cast<const char*>(frame.data()),
                 static_cast<std::streamsize>(frame.size()));
    };
    anna.Round([&] { (void)anna.messenger().SendText("boris", "ratchet message"); });
    for (auto& sent : anna.Transmit()) write(sent.second);
    stranger.Round(
        [&] { (void)stranger.messenger().AddContact(boris.messenger().CardText(), "boris"); });
    stranger.Round([&] { (void)stranger.messenger().SendText("boris", "first contact"); });
    const auto boris_at_stranger = stranger.messenger().directory().ByAlias("boris")->row.id;
    stranger.messenger().OnPeerConnected(boris_at_stranger);
    for (auto& sent : stranger.Transmit()) {  // the prekey request, and Boris's answer
      write(sent.second);
      std::vector<store::MessageId> none;
      boris.Round([&] {
        (void)boris.messenger().OnFrame(stranger.transport_key(), sent.second, none);
        if (auto bundle = boris.messenger().TakeReply()) write(*bundle);
      });
    }
    stranger.Connect(boris_at_stranger, boris);
    for (auto& sent : stranger.Transmit()) write(sent.second);  // the first message
    write(messenger::Messenger::EncodeAcks({store::MessageId{}})[0]);
    write(profile_frame);
  }
}

FuzzNodes& Nodes() {
  static FuzzNodes nodes;  // built once per fuzzing process, removed at exit
  return nodes;
}

}  // namespace parley::fuzzing
