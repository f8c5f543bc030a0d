#include "tests/fuzz/daemon/fuzz_nodes.h"

#include <cstdlib>
#include <fstream>
#include <string>

namespace parley::fuzzing {

FuzzNodes::FuzzNodes() {
  anna.Round([&] { (void)anna.messenger().AddContact(boris.messenger().CardText(), "boris"); });
  boris.Round([&] { (void)boris.messenger().AddContact(anna.messenger().CardText(), "anna"); });
  boris_at_anna = anna.messenger().directory().ByAlias("boris")->row.id;
  auto anna_at_boris = boris.messenger().directory().ByAlias("anna")->row.id;
  // One message each way, so Boris holds an established session.
  anna.Round([&] { (void)anna.messenger().SendText("boris", "first"); });
  anna.messenger().OnPeerConnected(boris_at_anna);
  for (auto& sent : anna.Transmit()) {
    std::vector<store::MessageId> acks;
    boris.Round([&] { (void)boris.messenger().OnFrame(anna.transport_key(), sent.second, acks); });
  }
  boris.Round([&] { (void)boris.messenger().SendText("anna", "reply"); });
  boris.messenger().OnPeerConnected(anna_at_boris);
  for (auto& sent : boris.Transmit()) {
    std::vector<store::MessageId> acks;
    anna.Round([&] { (void)anna.messenger().OnFrame(boris.transport_key(), sent.second, acks); });
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
    stranger.messenger().OnPeerConnected(stranger.messenger().directory().ByAlias("boris")->row.id);
    for (auto& sent : stranger.Transmit()) write(sent.second);
    write(messenger::Messenger::EncodeAcks({store::MessageId{}})[0]);
  }
}

FuzzNodes& Nodes() {
  static FuzzNodes nodes;  // built once per fuzzing process, removed at exit
  return nodes;
}

}  // namespace parley::fuzzing
