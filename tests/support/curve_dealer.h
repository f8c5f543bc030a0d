// A CURVE DEALER connected to a ROUTER with keys the test chooses: how tests
// speak to a link, or to a real parleyd, as a hostile peer would.
#pragma once

#include <string>
#include <zmq.hpp>

#include "crypto/bytes.h"
#include "crypto/dh.h"

namespace parley::testing {

inline zmq::socket_t CurveDealer(zmq::context_t& context, const crypto::PublicKey& server_key,
                                 const crypto::DhKeyPair& keys, const std::string& endpoint) {
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  dealer.set(zmq::sockopt::linger, 0);
  dealer.set(zmq::sockopt::curve_serverkey,
             zmq::const_buffer(server_key.data(), crypto::kPublicKeySize));
  dealer.set(zmq::sockopt::curve_publickey,
             zmq::const_buffer(keys.public_key().data(), crypto::kPublicKeySize));
  dealer.set(zmq::sockopt::curve_secretkey,
             zmq::const_buffer(keys.secret().data(), keys.secret().size()));
  dealer.connect(endpoint);
  return dealer;
}

}  // namespace parley::testing
