// Expected failures of a parley invocation, as values (STYLE.md §2).
//
// A Failure says what kind of thing went wrong (which decides the exit code),
// a machine-readable code for --json, and the catalogue sentence that tells
// the user what to do next. It is translated only when printed, at the edge
// (cli/run.cc), so lower layers need not know the user's language.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "client/i18n/catalogue.h"

namespace parley::client {

enum class FailureKind {
  kUsage,          // exit 2: the command line is wrong
  kDaemon,         // exit 1: parleyd answered with an error
  kNoDaemon,       // exit 3: nothing is listening on api.sock
  kNotResponding,  // exit 3: connected, but no reply in time
  kLocal,          // exit 1: something on this side (stdin, a bad reply, ...)
};

// Exit codes, as documented in `parley help`.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitNoDaemon = 3;

int ExitCode(FailureKind kind);

struct Failure {
  FailureKind kind = FailureKind::kLocal;
  std::string code;     // for --json: "unknown_contact", "usage", "daemon_not_running", ...
  std::string key;      // catalogue key of the sentence
  i18n::Params params;  // its placeholders
  std::string command;  // usage errors: the command whose help to point at ("" → overview)

  static Failure Usage(std::string key, i18n::Params params, std::string command = {}) {
    return {FailureKind::kUsage, "usage", std::move(key), std::move(params), std::move(command)};
  }
  static Failure Local(std::string code, std::string key, i18n::Params params = {}) {
    return {FailureKind::kLocal, std::move(code), std::move(key), std::move(params), {}};
  }
};

// Either a T or a Failure.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Failure failure) : value_(std::move(failure)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(value_); }
  T& value() { return std::get<T>(value_); }
  const T& value() const { return std::get<T>(value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Failure& failure() const { return std::get<Failure>(value_); }

 private:
  std::variant<T, Failure> value_;
};

// Success, or a Failure.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Failure failure) : failure_(std::move(failure)) {}  // NOLINT: implicit by design

  bool ok() const { return !failure_.has_value(); }
  const Failure& failure() const { return *failure_; }

 private:
  std::optional<Failure> failure_;
};

inline int ExitCode(FailureKind kind) {
  switch (kind) {
    case FailureKind::kUsage:
      return kExitUsage;
    case FailureKind::kNoDaemon:
    case FailureKind::kNotResponding:
      return kExitNoDaemon;
    case FailureKind::kDaemon:
    case FailureKind::kLocal:
      return kExitError;
  }
  return kExitError;
}

}  // namespace parley::client
