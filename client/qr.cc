#include "client/qr.h"

#include <qrencode.h>

#include <memory>

namespace parley::client {

namespace {

struct QrDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrPtr = std::unique_ptr<QRcode, QrDeleter>;

}  // namespace

std::optional<std::string> RenderQr(std::string_view text) {
  std::string copy(text);  // libqrencode wants a NUL-terminated string
  QrPtr code(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_L));
  if (!code) return std::nullopt;
  const int width = code->width;
  auto dark = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= width) return false;  // quiet zone is light
    return (code->data[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                       static_cast<std::size_t>(x)] &
            1) != 0;
  };
  std::string out;
  for (int y = -kQrMargin; y < width + kQrMargin; y += 2) {
    for (int x = -kQrMargin; x < width + kQrMargin; ++x) {
      const bool top_light = !dark(x, y);
      // Below the last row of the quiet zone is more light margin (as qrencode does).
      const bool bottom_light = !dark(x, y + 1);
      if (top_light && bottom_light) {
        out += "█";
      } else if (top_light) {
        out += "▀";
      } else if (bottom_light) {
        out += "▄";
      } else {
        out += ' ';
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace parley::client
