// parleyd: the Parley node. Everything happens in app/daemon_main.cc.
#include "daemon/app/daemon_main.h"

int main(int argc, char** argv) { return parley::app::DaemonMain(argc, argv); }
