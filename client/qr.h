// Contact cards as QR codes on a terminal (libqrencode).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley::client {

// Quiet zone around the code, in modules.
constexpr int kQrMargin = 2;

// `text` as a QR code (8-bit mode, error correction level L) drawn with UTF-8
// half blocks, two module rows per line. Light modules are drawn as blocks
// and dark ones left blank, which reads correctly on the usual light-on-dark
// terminal; the output is that of `qrencode -8 -l L -m 2 -t UTF8`. Every
// line ends with '\n'.
// nullopt when the text does not fit in a QR code.
std::optional<std::string> RenderQr(std::string_view text);

}  // namespace parley::client
