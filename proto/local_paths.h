// Where a node lives: its home directory and the local API sockets in it.
// Shared by parleyd and parley; the layout is part of the local API
// (docs/protocol.md §6).
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

namespace parley::paths {

// Longest Unix socket path the kernel accepts (sun_path is 108 bytes with NUL).
constexpr std::size_t kMaxSocketPathBytes = 107;

// --home if given, else $PARLEY_HOME, else $XDG_DATA_HOME/parley, else
// ~/.local/share/parley. nullopt when none of them can be determined.
inline std::optional<std::string> ResolveHome(const std::string& home_flag) {
  if (!home_flag.empty()) return home_flag;
  if (const char* home = std::getenv("PARLEY_HOME"); home && *home) return std::string(home);
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::string(xdg) + "/parley";
  if (const char* user_home = std::getenv("HOME"); user_home && *user_home)
    return std::string(user_home) + "/.local/share/parley";
  return std::nullopt;
}

inline std::string ApiSocketPath(const std::string& home) { return home + "/api.sock"; }
inline std::string EventSocketPath(const std::string& home) { return home + "/events.sock"; }

// True when both sockets of `home` fit in a sockaddr_un.
inline bool SocketPathsFit(const std::string& home) {
  return EventSocketPath(home).size() <= kMaxSocketPathBytes &&
         ApiSocketPath(home).size() <= kMaxSocketPathBytes;
}

}  // namespace parley::paths
