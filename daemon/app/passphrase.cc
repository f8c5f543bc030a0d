#include "daemon/app/passphrase.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace parley::app {

namespace {

constexpr std::size_t kMaxPassphraseBytes = 1024;

// Reads at most kMaxPassphraseBytes from fd up to a newline, into locked memory.
std::optional<crypto::SecureBuffer> ReadLine(int fd) {
  crypto::SecureBuffer buffer(kMaxPassphraseBytes);
  std::size_t length = 0;
  while (length < buffer.size()) {
    char c = 0;
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || c == '\n') break;
    buffer.data()[length++] = static_cast<std::uint8_t>(c);
  }
  if (length > 0 && buffer.data()[length - 1] == '\r') --length;
  return crypto::SecureBuffer::CopyOf(buffer.view().first(length));
}

std::optional<crypto::SecureBuffer> Prompt(int tty, const std::string& prompt) {
  (void)!::write(tty, prompt.data(), prompt.size());
  termios saved{};
  bool restore = ::tcgetattr(tty, &saved) == 0;
  if (restore) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(tty, TCSAFLUSH, &quiet);
  }
  auto line = ReadLine(tty);
  if (restore) ::tcsetattr(tty, TCSAFLUSH, &saved);
  (void)!::write(tty, "\n", 1);
  return line;
}

}  // namespace

std::optional<Passphrase> ReadPassphrase(const std::string& passphrase_file,
                                         const std::string& prompt,
                                         const std::string& confirm_prompt,
                                         PassphraseSource& tried) {
  if (const char* env = std::getenv("PARLEY_PASSPHRASE"); env != nullptr) {
    tried = PassphraseSource::kEnvironment;
    std::size_t length = std::min(std::strlen(env), kMaxPassphraseBytes);
    return Passphrase{
        crypto::SecureBuffer::CopyOf({reinterpret_cast<const std::uint8_t*>(env), length}), tried};
  }
  if (!passphrase_file.empty()) {
    tried = PassphraseSource::kFile;
    int fd = ::open(passphrase_file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    auto line = ReadLine(fd);
    ::close(fd);
    if (!line) return std::nullopt;
    return Passphrase{std::move(*line), tried};
  }
  int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (tty < 0) {
    tried = PassphraseSource::kNone;
    return std::nullopt;
  }
  tried = PassphraseSource::kTerminal;
  auto first = Prompt(tty, prompt);
  std::optional<Passphrase> result;
  if (first) {
    if (confirm_prompt.empty()) {
      result = Passphrase{std::move(*first), tried};
    } else if (auto second = Prompt(tty, confirm_prompt);
               second && crypto::EqualConstantTime(first->view(), second->view())) {
      result = Passphrase{std::move(*first), tried};
    }
  }
  ::close(tty);
  return result;
}

}  // namespace parley::app
