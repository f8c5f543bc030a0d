// Two in-process nodes that know each other and have talked, shared by the
// whole-node fuzz targets. Every fuzz round is rolled back, so the nodes are
// the same for every input (and any change that survives is a bug).
#pragma once

#include <memory>

#include "daemon/directory/directory.h"
#include "tests/support/local_node.h"

namespace parley::fuzzing {

struct FuzzNodes {
  testing::LocalNode anna{"Anna", 1, "tcp://127.0.0.1:7201"};
  testing::LocalNode boris{"Boris", 2, "tcp://127.0.0.1:7202"};
  testing::LocalNode stranger{"Carla", 3, "tcp://127.0.0.1:7203"};
  std::int64_t boris_at_anna = 0;
  // Anna and Boris belong to one network; Anna has a profile Boris holds.
  std::unique_ptr<directory::Directory> anna_directory;
  std::unique_ptr<directory::Directory> boris_directory;

  FuzzNodes();
  directory::Directory& DirectoryOf(testing::LocalNode& node) {
    return &node == &anna ? *anna_directory : *boris_directory;
  }
  // Runs `work` in a round of `node` that is then rolled back.
  template <typename Work>
  void RolledBackRound(testing::LocalNode& node, Work&& work) {
    if (!node.store().db().Begin().ok()) __builtin_trap();
    work();
    (void)node.messenger().FinishRound();
    node.store().db().Rollback();
    if (!node.messenger().OnRolledBack().ok()) __builtin_trap();
    if (&node != &stranger && !DirectoryOf(node).OnRolledBack().ok()) __builtin_trap();
  }
};

FuzzNodes& Nodes();

}  // namespace parley::fuzzing
