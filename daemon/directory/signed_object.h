// The wire.Signed envelope every directory object travels in (docs/protocol.md
// §9): the body's bytes, the signer's key, and its signature over the body
// under the object's context.
#pragma once

#include <string>

#include "crypto/sign.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"

namespace parley::directory {

// `body` signed by `signer` under `context`: the encoded wire.Signed.
inline std::string EncodeSigned(const crypto::SigningKeyPair& signer, crypto::SignContext context,
                                const google::protobuf::MessageLite& body) {
  wire::Signed signed_object;
  signed_object.set_body(body.SerializeAsString());
  signed_object.set_signer(AsString(signer.public_key()));
  signed_object.set_signature(
      AsString(signer.Sign(context, crypto::AsBytes(signed_object.body()))));
  return signed_object.SerializeAsString();
}

}  // namespace parley::directory
