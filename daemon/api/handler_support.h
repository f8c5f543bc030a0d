// What every request handler shares: its signature and how it reports
// errors (request_handlers.cc, directory_handlers.cc).
#pragma once

#include <functional>
#include <string>

#include "daemon/api/request_handlers.h"

namespace parley::api_server {

using Handler = std::function<void(ApiContext&, const api::Request&, api::Reply&, Status&)>;

inline void Fail(api::Reply& reply, api::ErrorCode code, const std::string& detail = {}) {
  reply.mutable_error()->set_code(code);
  reply.mutable_error()->set_detail(detail);
}

inline bool IsStorageFailure(const Status& status) {
  switch (status.code()) {
    case Status::Code::kIoError:
    case Status::Code::kDiskFull:
    case Status::Code::kCorrupt:
    case Status::Code::kInternal:
      return true;
    default:
      return false;
  }
}

// Reports a storage failure; true when `status` was one (the caller stops).
inline bool StorageFailed(const Status& status, api::Reply& reply, Status& storage) {
  if (!IsStorageFailure(status)) return false;
  storage = status;
  Fail(reply, api::STORAGE_FAILED, status.code() == Status::Code::kDiskFull ? "disk full" : "");
  return true;
}

// A contact as the API shows it (request_handlers.cc).
void FillContact(const ApiContext& context, const messenger::Contact& contact, api::Contact& out);

}  // namespace parley::api_server
