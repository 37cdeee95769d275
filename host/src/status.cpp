#include "oneself/status.h"

#include <cstring>

namespace oneself {

std::string_view CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kBadJson: return "bad_json";
    case Code::kBadRequest: return "bad_request";
    case Code::kUnknownType: return "unknown_type";
    case Code::kTooLarge: return "too_large";
    case Code::kConflict: return "conflict";
    case Code::kNotFound: return "not_found";
    case Code::kStoreError: return "store_error";
    case Code::kForbidden: return "forbidden";
    case Code::kUnsupportedProtocol: return "unsupported_protocol";
    case Code::kBadImport: return "bad_import";
    case Code::kInternal: return "internal";
  }
  return "internal";
}

Status Status::IoError(std::string_view what, std::string_view path, int err) {
  std::string msg(what);
  msg += ' ';
  msg += path;
  msg += ": ";
  msg += std::strerror(err);
  return Status(Code::kStoreError, std::move(msg));
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s(CodeName(code_));
  s += ": ";
  s += message_;
  return s;
}

}  // namespace oneself
