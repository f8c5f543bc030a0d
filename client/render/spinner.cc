#include "client/render/spinner.h"

#include <array>
#include <string_view>

namespace parley::client::render {

namespace {
constexpr std::array<std::string_view, 10> kFrames = {"⠋", "⠙", "⠹", "⠸", "⠼",
                                                      "⠴", "⠦", "⠧", "⠇", "⠏"};
}

Spinner::Spinner(std::ostream& err, std::string label, bool enabled)
    : err_(err), label_(std::move(label)), enabled_(enabled) {}

Spinner::~Spinner() { Clear(); }

void Spinner::Update(std::chrono::milliseconds waited) {
  if (!enabled_) return;
  if (waited.count() < 0) return Clear();
  if (waited < kSpinnerDelay) return;
  err_ << '\r' << kFrames[frame_++ % kFrames.size()] << ' ' << label_ << std::flush;
  shown_ = true;
}

void Spinner::Clear() {
  if (!shown_) return;
  err_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace parley::client::render
