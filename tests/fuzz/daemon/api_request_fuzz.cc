// The local API: any request bytes from a client must get a reply and never
// crash the daemon.
#include <cstddef>
#include <cstdint>

#include "daemon/api/request_handlers.h"
#include "tests/fuzz/daemon/fuzz_nodes.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& nodes = parley::fuzzing::Nodes();
  parley::api::Request request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  parley::api_server::ApiContext context{nodes.anna.messenger(), *nodes.anna_directory,
                                         nodes.anna.identity(), "tcp://127.0.0.1:7201", "fuzz"};
  nodes.RolledBackRound(nodes.anna, [&] {
    parley::Status storage;
    auto reply = parley::api_server::HandleRequest(context, request, storage);
    if (reply.id() != request.id()) __builtin_trap();
    if (!reply.has_error() && reply.result_case() == parley::api::Reply::RESULT_NOT_SET)
      __builtin_trap();
  });
  return 0;
}
