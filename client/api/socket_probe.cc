#include "client/api/socket_probe.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace parley::client::api_client {

Probe ProbeUnixSocket(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) return {SocketState::kOther, ENAMETOOLONG};
  std::memcpy(address.sun_path, path.data(), path.size());

  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return {SocketState::kOther, errno};
  // sockaddr_un → sockaddr is how the sockets API is spelled.
  int rc = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  int error = rc == 0 ? 0 : errno;
  ::close(fd);

  switch (error) {
    case 0:
    case EAGAIN:  // backlog full: somebody is listening
    case EINPROGRESS:
      return {SocketState::kListening, error};
    case ENOENT:
    case ENOTDIR:
      return {SocketState::kMissing, error};
    case ECONNREFUSED:
      return {SocketState::kRefused, error};
    case EACCES:
    case EPERM:
      return {SocketState::kDenied, error};
    default:
      return {SocketState::kOther, error};
  }
}

}  // namespace parley::client::api_client
