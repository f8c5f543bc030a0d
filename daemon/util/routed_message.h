// Reading one message from a ZeroMQ ROUTER: the peer's routing id, then one
// body part. Parley never sends more parts; extra ones are read and dropped.
#pragma once

#include <zmq.hpp>

namespace parley {

// False when nothing is waiting. A message without a body is skipped.
inline bool ReceiveRouted(zmq::socket_t& router, zmq::message_t& route, zmq::message_t& body) {
  for (;;) {
    if (!router.recv(route, zmq::recv_flags::dontwait)) return false;
    if (!route.more()) continue;
    if (!router.recv(body, zmq::recv_flags::dontwait)) return false;
    for (bool extra = body.more(); extra;) {
      zmq::message_t rest;
      if (!router.recv(rest, zmq::recv_flags::dontwait)) break;
      extra = rest.more();
    }
    return true;
  }
}

}  // namespace parley
