// parleyd's staged start-up: command line → home → store → identity → node.
#pragma once

namespace parley::app {

// Exit codes of parleyd.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitWrongPassphrase = 3;
constexpr int kExitNoStore = 4;  // or, for init, a store already there
constexpr int kExitAlreadyRunning = 5;
constexpr int kExitCannotListen = 6;

int DaemonMain(int argc, char** argv);

}  // namespace parley::app
