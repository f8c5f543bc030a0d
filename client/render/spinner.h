// "Long work shows progress": the only long thing parley does is wait for its
// daemon. After kSpinnerDelay without a reply, and only when enabled (stderr
// is a terminal and the output is not --json), a spinner turns on stderr; it
// is erased when the wait ends.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

namespace parley::client::render {

constexpr std::chrono::milliseconds kSpinnerDelay{1000};

class Spinner {
 public:
  Spinner(std::ostream& err, std::string label, bool enabled);
  ~Spinner();
  Spinner(const Spinner&) = delete;
  Spinner& operator=(const Spinner&) = delete;

  // `waited` < 0: the wait is over (erase). Matches ApiOptions::on_wait.
  void Update(std::chrono::milliseconds waited);

 private:
  void Clear();

  std::ostream& err_;
  std::string label_;
  bool enabled_;
  bool shown_ = false;
  unsigned frame_ = 0;
};

}  // namespace parley::client::render
