// Status and Result<T>: expected failures as values (LevelDB style).
//
// A Status is OK or a code from a closed set plus a message a user or an
// operator can act on. Bugs are not Statuses: they abort.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace parley {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,  // the caller's input is wrong
    kNotFound,
    kAlreadyExists,
    kWrongPassphrase,
    kCorrupt,  // stored data fails its checks
    kIoError,  // the filesystem or the database failed
    kDiskFull,
    kUnavailable,  // a peer, port or resource is not there now
    kPermissionDenied,
    kFailedPrecondition,  // refused in the present state of what it names
    kInternal,
  };

  Status() = default;
  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {Code::kAlreadyExists, std::move(m)}; }
  static Status WrongPassphrase(std::string m) { return {Code::kWrongPassphrase, std::move(m)}; }
  static Status Corrupt(std::string m) { return {Code::kCorrupt, std::move(m)}; }
  static Status IoError(std::string m) { return {Code::kIoError, std::move(m)}; }
  static Status DiskFull(std::string m) { return {Code::kDiskFull, std::move(m)}; }
  static Status Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {Code::kFailedPrecondition, std::move(m)};
  }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(value_).ok() && "a Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(value_);
  }
  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace parley

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define PARLEY_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::parley::Status parley_status_ = (expr);        \
    if (!parley_status_.ok()) return parley_status_; \
  } while (false)
