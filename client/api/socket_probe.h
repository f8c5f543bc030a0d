// Is anything listening on a Unix socket? A plain AF_UNIX connect(), so that
// "no daemon" is reported at once instead of after a ZeroMQ timeout: ZeroMQ
// itself would quietly retry a missing or stale socket forever.
#pragma once

#include <string>

namespace parley::client::api_client {

enum class SocketState {
  kListening,  // connect() succeeded (or the backlog is full: alive but busy)
  kMissing,    // no such file (or directory): the daemon never ran here
  kRefused,    // a file is there but nobody listens: a stale socket
  kDenied,     // permission denied (another user's home?)
  kOther,      // anything else; `error` says what
};

struct Probe {
  SocketState state;
  int error = 0;  // errno of the failed connect()
};

Probe ProbeUnixSocket(const std::string& path);

}  // namespace parley::client::api_client
