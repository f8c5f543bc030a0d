#include "tests/support/fault_vfs.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

namespace parley::testing {

namespace {

enum class Change { kWrite, kTruncate, kSync, kDelete };

// What a power cut would take back from one file: its size at the last
// sync and the old bytes of every region written since, in order.
struct Unsynced {
  sqlite3_int64 size_at_sync = 0;
  std::vector<std::pair<sqlite3_int64, std::string>> old_bytes;
};

struct State {
  sqlite3_vfs* real = nullptr;
  std::string watched;  // path prefix; empty: nothing is watched
  std::int64_t changes = 0;
  std::int64_t fail_at = 0;  // 0: no failure armed
  FaultVfs::Failure failure = FaultVfs::Failure::kIoError;
  bool failed = false;
  std::map<std::string, Unsynced> unsynced;  // by path
};

State& TheState() {
  static State state;
  return state;
}

// The file as SQLite sees it: our header, then the real VFS's file.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
  const std::string* path;  // the file's name (kept by Open); null for temporary files
};

sqlite3_file* Real(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

bool IsWatched(const std::string& path) {
  const State& s = TheState();
  return !s.watched.empty() && path.compare(0, s.watched.size(), s.watched) == 0;
}

bool IsWatched(const FaultFile* file) { return file->path != nullptr && IsWatched(*file->path); }

// Counts a change to a watched file; SQLITE_OK when it may happen.
int Permit(Change change) {
  State& s = TheState();
  ++s.changes;
  if (s.fail_at == 0 || s.changes < s.fail_at) return SQLITE_OK;
  if (s.failure == FaultVfs::Failure::kDiskFull) {
    if (change != Change::kWrite && change != Change::kTruncate) return SQLITE_OK;
    s.failed = true;
    return SQLITE_FULL;
  }
  s.failed = true;
  switch (change) {
    case Change::kWrite:
      return SQLITE_IOERR_WRITE;
    case Change::kTruncate:
      return SQLITE_IOERR_TRUNCATE;
    case Change::kSync:
      return SQLITE_IOERR_FSYNC;
    case Change::kDelete:
      return SQLITE_IOERR_DELETE;
  }
  return SQLITE_IOERR;
}

// Keeps what a write to [offset, offset + size) of `file` will overwrite.
int RememberOldBytes(FaultFile* file, sqlite3_int64 offset, sqlite3_int64 size) {
  sqlite3_int64 file_size = 0;
  int rc = file->real->pMethods->xFileSize(file->real, &file_size);
  if (rc != SQLITE_OK) return rc;
  auto [entry, fresh] = TheState().unsynced.try_emplace(*file->path);
  if (fresh) entry->second.size_at_sync = file_size;
  const sqlite3_int64 end = std::min(offset + size, file_size);
  if (end <= offset) return SQLITE_OK;  // all beyond the end: the truncate undoes it
  std::string old(static_cast<std::size_t>(end - offset), '\0');
  rc = file->real->pMethods->xRead(file->real, old.data(), static_cast<int>(old.size()), offset);
  if (rc != SQLITE_OK) return rc;
  entry->second.old_bytes.emplace_back(offset, std::move(old));
  return SQLITE_OK;
}

// ---------------------------------------------------------------- io methods

int Close(sqlite3_file* file) { return Real(file)->pMethods->xClose(Real(file)); }

int Read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  return Real(file)->pMethods->xRead(Real(file), buffer, amount, offset);
}

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  auto* f = reinterpret_cast<FaultFile*>(file);
  if (IsWatched(f)) {
    int rc = Permit(Change::kWrite);
    if (rc != SQLITE_OK) return rc;
    rc = RememberOldBytes(f, offset, amount);
    if (rc != SQLITE_OK) return rc;
  }
  return f->real->pMethods->xWrite(f->real, data, amount, offset);
}

int Truncate(sqlite3_file* file, sqlite3_int64 size) {
  auto* f = reinterpret_cast<FaultFile*>(file);
  if (IsWatched(f)) {
    int rc = Permit(Change::kTruncate);
    if (rc != SQLITE_OK) return rc;
    rc = RememberOldBytes(f, size, LLONG_MAX / 2);
    if (rc != SQLITE_OK) return rc;
  }
  return f->real->pMethods->xTruncate(f->real, size);
}

int Sync(sqlite3_file* file, int flags) {
  auto* f = reinterpret_cast<FaultFile*>(file);
  const bool watched = IsWatched(f);
  if (watched) {
    int rc = Permit(Change::kSync);
    if (rc != SQLITE_OK) return rc;
  }
  int rc = f->real->pMethods->xSync(f->real, flags);
  if (rc == SQLITE_OK && watched) TheState().unsynced.erase(*f->path);
  return rc;
}

int FileSize(sqlite3_file* file, sqlite3_int64* size) {
  return Real(file)->pMethods->xFileSize(Real(file), size);
}
int Lock(sqlite3_file* file, int level) { return Real(file)->pMethods->xLock(Real(file), level); }
int Unlock(sqlite3_file* file, int level) {
  return Real(file)->pMethods->xUnlock(Real(file), level);
}
int CheckReservedLock(sqlite3_file* file, int* out) {
  return Real(file)->pMethods->xCheckReservedLock(Real(file), out);
}
int FileControl(sqlite3_file* file, int op, void* arg) {
  return Real(file)->pMethods->xFileControl(Real(file), op, arg);
}
int SectorSize(sqlite3_file* file) { return Real(file)->pMethods->xSectorSize(Real(file)); }
int DeviceCharacteristics(sqlite3_file* file) {
  return Real(file)->pMethods->xDeviceCharacteristics(Real(file));
}
int ShmMap(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  return Real(file)->pMethods->xShmMap(Real(file), page, size, extend, out);
}
int ShmLock(sqlite3_file* file, int offset, int n, int flags) {
  return Real(file)->pMethods->xShmLock(Real(file), offset, n, flags);
}
void ShmBarrier(sqlite3_file* file) { Real(file)->pMethods->xShmBarrier(Real(file)); }
int ShmUnmap(sqlite3_file* file, int delete_flag) {
  return Real(file)->pMethods->xShmUnmap(Real(file), delete_flag);
}
int Fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  return Real(file)->pMethods->xFetch(Real(file), offset, amount, out);
}
int Unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  return Real(file)->pMethods->xUnfetch(Real(file), offset, page);
}

const sqlite3_io_methods kMethods = {
    3,
    Close,
    Read,
    Write,
    Truncate,
    Sync,
    FileSize,
    Lock,
    Unlock,
    CheckReservedLock,
    FileControl,
    SectorSize,
    DeviceCharacteristics,
    ShmMap,
    ShmLock,
    ShmBarrier,
    ShmUnmap,
    Fetch,
    Unfetch,
};

// ---------------------------------------------------------------- vfs methods

int Open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  State& s = TheState();
  auto* f = reinterpret_cast<FaultFile*>(file);
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->path = nullptr;
  int rc = s.real->xOpen(s.real, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    f->base.pMethods = nullptr;
    return rc;
  }
  if (f->real->pMethods->iVersion < 3) std::abort();  // every method above forwards
  f->base.pMethods = &kMethods;
  if (name != nullptr) {
    static std::map<std::string, int> names;  // stable addresses for FaultFile::path
    f->path = &names.try_emplace(name, 0).first->first;
  }
  return SQLITE_OK;
}

int Delete(sqlite3_vfs*, const char* name, int sync_dir) {
  State& s = TheState();
  if (name != nullptr && IsWatched(std::string(name))) {
    int rc = Permit(Change::kDelete);
    if (rc != SQLITE_OK) return rc;
    s.unsynced.erase(name);
  }
  return s.real->xDelete(s.real, name, sync_dir);
}

int Access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return TheState().real->xAccess(TheState().real, name, flags, out);
}
int FullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return TheState().real->xFullPathname(TheState().real, name, size, out);
}
void* DlOpen(sqlite3_vfs*, const char* name) {
  return TheState().real->xDlOpen(TheState().real, name);
}
void DlError(sqlite3_vfs*, int size, char* out) {
  TheState().real->xDlError(TheState().real, size, out);
}
void (*DlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return TheState().real->xDlSym(TheState().real, handle, symbol);
}
void DlClose(sqlite3_vfs*, void* handle) { TheState().real->xDlClose(TheState().real, handle); }
int Randomness(sqlite3_vfs*, int size, char* out) {
  return TheState().real->xRandomness(TheState().real, size, out);
}
int Sleep(sqlite3_vfs*, int microseconds) {
  return TheState().real->xSleep(TheState().real, microseconds);
}
int CurrentTime(sqlite3_vfs*, double* out) {
  return TheState().real->xCurrentTime(TheState().real, out);
}
int GetLastError(sqlite3_vfs*, int size, char* out) {
  return TheState().real->xGetLastError(TheState().real, size, out);
}
int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  return TheState().real->xCurrentTimeInt64(TheState().real, out);
}

sqlite3_vfs MakeVfs(sqlite3_vfs* real) {
  sqlite3_vfs vfs{};
  vfs.iVersion = 2;  // the system-call overrides of version 3 are not forwarded
  vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + real->szOsFile;
  vfs.mxPathname = real->mxPathname;
  vfs.zName = FaultVfs::kName;
  vfs.xOpen = Open;
  vfs.xDelete = Delete;
  vfs.xAccess = Access;
  vfs.xFullPathname = FullPathname;
  vfs.xDlOpen = DlOpen;
  vfs.xDlError = DlError;
  vfs.xDlSym = DlSym;
  vfs.xDlClose = DlClose;
  vfs.xRandomness = Randomness;
  vfs.xSleep = Sleep;
  vfs.xCurrentTime = CurrentTime;
  vfs.xGetLastError = GetLastError;
  vfs.xCurrentTimeInt64 = CurrentTimeInt64;
  return vfs;
}

void PutBack(const std::string& path, const Unsynced& unsynced) {
  int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return;  // deleted since: a delete counts as durable
  bool ok = true;
  for (auto it = unsynced.old_bytes.rbegin(); it != unsynced.old_bytes.rend(); ++it) {
    const auto& [offset, bytes] = *it;
    ok = ok &&
         ::pwrite(fd, bytes.data(), bytes.size(), offset) == static_cast<ssize_t>(bytes.size());
  }
  ok = ok && ::ftruncate(fd, unsynced.size_at_sync) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("FaultVfs: cannot undo the writes to " + path);
}

}  // namespace

FaultVfs& FaultVfs::Get() {
  static FaultVfs* instance = [] {
    State& s = TheState();
    s.real = sqlite3_vfs_find(nullptr);
    if (s.real == nullptr) throw std::runtime_error("FaultVfs: SQLite has no default VFS");
    static sqlite3_vfs vfs = MakeVfs(s.real);
    if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK)
      throw std::runtime_error("FaultVfs: cannot register");
    return new FaultVfs();
  }();
  return *instance;
}

store::StoreOptions FaultVfs::Options(store::Durability durability) {
  store::StoreOptions options;
  options.durability = durability;
  options.vfs = kName;
  return options;
}

void FaultVfs::Watch(const std::string& dir) {
  State& s = TheState();
  char resolved[PATH_MAX];
  s.watched = ::realpath(dir.c_str(), resolved) != nullptr ? std::string(resolved) : dir;
  if (!s.watched.empty() && s.watched.back() != '/') s.watched += '/';
  s.changes = 0;
  s.fail_at = 0;
  s.failed = false;
  s.unsynced.clear();
}

void FaultVfs::FailFrom(std::int64_t n, Failure failure) {
  State& s = TheState();
  s.fail_at = s.changes + n;
  s.failure = failure;
  s.failed = false;
}

void FaultVfs::Heal() { TheState().fail_at = 0; }

std::int64_t FaultVfs::changes() const { return TheState().changes; }

bool FaultVfs::failed() const { return TheState().failed; }

void FaultVfs::CutPower() {
  State& s = TheState();
  for (const auto& [path, unsynced] : s.unsynced) PutBack(path, unsynced);
  s.unsynced.clear();
}

}  // namespace parley::testing
