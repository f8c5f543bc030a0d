// TempDir: a fresh directory under /tmp with a short path (Unix socket paths
// must stay under 107 bytes), removed with its contents on destruction.
#pragma once

#include <string>
#include <vector>

namespace parley::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Every regular file under `dir`, recursively.
std::vector<std::string> ListFiles(const std::string& dir);
std::string ReadFile(const std::string& path);

}  // namespace parley::testing
