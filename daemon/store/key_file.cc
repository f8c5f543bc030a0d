#include "daemon/store/key_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "crypto/bytes.h"
#include "crypto/kdf.h"

namespace parley::store {

namespace {

constexpr std::string_view kCheckLabel = "parley-store-chk";
constexpr std::size_t kMaxKeyFileBytes = 1024;

std::array<std::uint8_t, kKeyCheckSize> KeyCheck(const crypto::SecureBuffer& key) {
  std::array<std::uint8_t, kKeyCheckSize> check{};
  crypto::DeriveKey(kCheckLabel, key.view(), {}, check);
  return check;
}

Result<crypto::SecureBuffer> Derive(const KeyFile& file, crypto::ByteView passphrase) {
  auto key = crypto::DeriveKeyFromPassphrase(passphrase, file.salt, file.cost, kStoreKeySize);
  if (!key) return Status::Internal("cannot derive the store key (not enough memory?)");
  return std::move(*key);
}

Status SyncDirectoryOf(const std::string& path) {
  auto slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("open " + dir + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::IoError("fsync " + dir + ": " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

Result<crypto::SecureBuffer> NewStoreKey(crypto::ByteView passphrase,
                                         const crypto::PasswordHashCost& cost,
                                         crypto::Random& random, KeyFile& file) {
  file.cost = cost;
  random.Fill(file.salt);
  auto key = Derive(file, passphrase);
  if (!key.ok()) return key.status();
  file.check = KeyCheck(key.value());
  return key;
}

Result<crypto::SecureBuffer> UnlockStoreKey(const KeyFile& file, crypto::ByteView passphrase) {
  auto key = Derive(file, passphrase);
  if (!key.ok()) return key.status();
  auto check = KeyCheck(key.value());
  if (!crypto::EqualConstantTime(check, file.check)) {
    return Status::WrongPassphrase("wrong passphrase");
  }
  return key;
}

std::string FormatKeyFile(const KeyFile& file) {
  std::ostringstream out;
  out << "version=1\n"
      << "salt=" << crypto::ToHex(file.salt) << "\n"
      << "opslimit=" << file.cost.opslimit << "\n"
      << "memlimit=" << file.cost.memlimit << "\n"
      << "check=" << crypto::ToHex(file.check) << "\n";
  return out.str();
}

Result<KeyFile> ParseKeyFile(const std::string& text) {
  if (text.size() > kMaxKeyFileBytes) return Status::Corrupt("key file too large");
  std::map<std::string, std::string> fields;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto eq = line.find('=');
    if (eq == std::string::npos) return Status::Corrupt("key file: malformed line");
    fields[line.substr(0, eq)] = line.substr(eq + 1);
  }
  KeyFile file;
  auto number = [&](const char* name, std::uint64_t& out) {
    auto it = fields.find(name);
    if (it == fields.end() || it->second.empty() || it->second.size() > 20) return false;
    for (char c : it->second) {
      if (c < '0' || c > '9') return false;
    }
    // 20 digits may still exceed 2^64 - 1: from_chars says so instead of throwing.
    const char* end = it->second.data() + it->second.size();
    auto [stop, error] = std::from_chars(it->second.data(), end, out);
    return error == std::errc() && stop == end;
  };
  if (fields["version"] != "1") return Status::Corrupt("key file: unknown version");
  if (!crypto::FromHex(fields["salt"], file.salt) ||
      !crypto::FromHex(fields["check"], file.check) || !number("opslimit", file.cost.opslimit) ||
      !number("memlimit", file.cost.memlimit) || !file.cost.InAllowedRange()) {
    return Status::Corrupt("key file: malformed field");
  }
  return file;
}

Result<KeyFile> ReadKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("no key file at " + path);
  std::string text(kMaxKeyFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return ParseKeyFile(text);
}

Status WriteKeyFile(const std::string& path, const KeyFile& file) {
  const std::string temp = path + ".tmp";
  const std::string text = FormatKeyFile(file);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError("create " + temp + ": " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  int saved_errno = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(temp.c_str());
    return saved_errno == ENOSPC
               ? Status::DiskFull("write " + temp + ": disk full")
               : Status::IoError("write " + temp + ": " + std::strerror(saved_errno));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    return Status::IoError("rename " + temp + ": " + std::strerror(errno));
  }
  return SyncDirectoryOf(path);
}

}  // namespace parley::store
