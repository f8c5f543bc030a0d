#include "client/render/text.h"

#include <cstdint>
#include <optional>

namespace parley::client::render {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct Decoded {
  char32_t code_point;
  std::size_t length;
};

// The code point at the start of `text`, or nullopt for an invalid sequence.
std::optional<Decoded> DecodeOne(std::string_view text) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  std::uint8_t lead = byte(0);
  if (lead < 0x80) return Decoded{lead, 1};
  std::size_t length = 0;
  char32_t cp = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return std::nullopt;
  }
  if (text.size() < length) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return std::nullopt;
  }
  return Decoded{cp, length};
}

bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool IsZeroWidth(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F);
}

bool IsUnsafe(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||           // C0, DEL, C1
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);  // bidi
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  while (!text.empty()) {
    auto decoded = DecodeOne(text);
    if (!decoded) return false;
    text.remove_prefix(decoded->length);
  }
  return true;
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  while (!text.empty()) {
    auto decoded = DecodeOne(text);
    if (!decoded) {
      ++width;
      text.remove_prefix(1);
      continue;
    }
    if (IsWide(decoded->code_point)) {
      width += 2;
    } else if (!IsZeroWidth(decoded->code_point)) {
      width += 1;
    }
    text.remove_prefix(decoded->length);
  }
  return width;
}

std::string ForTerminal(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto decoded = DecodeOne(text);
    if (!decoded) {
      out += kReplacement;
      text.remove_prefix(1);
      continue;
    }
    char32_t cp = decoded->code_point;
    if (cp == '\n') {
      out += keep_newlines ? '\n' : ' ';
    } else if (cp == '\t') {
      out += ' ';
    } else if (cp == '\r') {
      // dropped: CRLF from other systems
    } else if (IsUnsafe(cp)) {
      out += kReplacement;
    } else {
      out.append(text.substr(0, decoded->length));
    }
    text.remove_prefix(decoded->length);
  }
  return out;
}

std::string Shorten(std::string_view text, std::size_t max_width) {
  if (DisplayWidth(text) <= max_width) return std::string(text);
  std::string out;
  std::size_t width = 0;
  while (!text.empty()) {
    auto decoded = DecodeOne(text);
    std::size_t length = decoded ? decoded->length : 1;
    std::size_t w = DisplayWidth(text.substr(0, length));
    if (width + w + 1 > max_width) break;
    out.append(text.substr(0, length));
    width += w;
    text.remove_prefix(length);
  }
  return out + "…";
}

std::string PadRight(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t current = DisplayWidth(text);
  if (current < width) out.append(width - current, ' ');
  return out;
}

std::string Wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::string paragraph;  // words of the paragraph being collected
  auto flush = [&] {
    std::string line;
    std::size_t start = 0;
    while (start < paragraph.size()) {
      std::size_t end = paragraph.find(' ', start);
      if (end == std::string::npos) end = paragraph.size();
      std::string_view word(paragraph.data() + start, end - start);
      if (!line.empty() && DisplayWidth(line) + 1 + DisplayWidth(word) > width) {
        out += line + "\n";
        line.clear();
      }
      if (!line.empty()) line += ' ';
      line += word;
      start = end + 1;
    }
    if (!line.empty()) out += line + "\n";
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    std::string_view line = text.substr(start, last ? std::string_view::npos : end - start);
    if (line.empty() || line.front() == ' ') {
      flush();
      out += line;
      if (!last) out += '\n';
    } else {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
    if (last) break;
    start = end + 1;
  }
  if (!paragraph.empty()) {
    flush();
    if (!text.empty() && text.back() != '\n') out.pop_back();  // no newline was there
  }
  return out;
}

}  // namespace parley::client::render
