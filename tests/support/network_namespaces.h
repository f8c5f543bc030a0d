// A network of two namespaces joined by one veth cable, made by a test and
// removed with it: a daemon run in each (TestNode::RunIn) reaches the other
// only over that cable, which the test can unplug. Nothing leaves the
// namespaces; the host's own network is never touched.
//
// Needs CAP_NET_ADMIN (root, here): Create returns nullptr, and says why,
// where the machine does not allow it, and the test then skips.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace parley::testing {

class TwoNamespaces {
 public:
  static std::unique_ptr<TwoNamespaces> Create(std::string& why_not);
  ~TwoNamespaces();  // deletes both namespaces; the cable goes with them
  TwoNamespaces(const TwoNamespaces&) = delete;
  TwoNamespaces& operator=(const TwoNamespaces&) = delete;

  // side 0 or 1: the prefix that runs a command inside that namespace
  // ("ip netns exec NAME"), and its address on the cable.
  std::vector<std::string> Exec(int side) const;
  std::string Address(int side) const;

  // Unplugs (false) or plugs back (true) the cable: packets are dropped
  // silently, as on a lost radio link -- no reset reaches either side.
  bool SetCable(bool plugged);

 private:
  explicit TwoNamespaces(std::string base) : base_(std::move(base)) {}
  std::string Name(int side) const;
  std::string Device(int side) const;
  std::string base_;  // unique to this process and instance
  bool made_[2] = {false, false};
};

}  // namespace parley::testing
