// Errors are values. Every fallible operation in oneself returns a Status or a
// Result<T>; nothing throws across a module boundary. The code of a Status is
// the same closed set of codes the protocol puts on the wire (docs/protocol.md),
// so an error travels from the store to the browser without translation.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace oneself {

enum class Code {
  kOk = 0,
  kBadJson,              // "bad_json": the frame is not valid JSON (or not UTF-8)
  kBadRequest,           // "bad_request": valid JSON, wrong shape or type
  kUnknownType,          // "unknown_type": no such verb
  kTooLarge,             // "too_large": a frame or reply over the limits
  kConflict,             // "conflict": baseRevision is not the current revision
  kNotFound,             // "not_found": no such revision, site, field or file
  kStoreError,           // "store_error": the store could not be read or written
  kForbidden,            // "forbidden": the caller is not an allowed extension
  kUnsupportedProtocol,  // "unsupported_protocol": hello named a protocol we do not speak
  kBadImport,            // "bad_import": an import file is not what it claims to be
  kInternal,             // "internal": a bug; details are in the log
};

// The stable wire name of a code ("bad_json", ...).
std::string_view CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status BadJson(std::string msg) { return {Code::kBadJson, std::move(msg)}; }
  static Status BadRequest(std::string msg) { return {Code::kBadRequest, std::move(msg)}; }
  static Status UnknownType(std::string msg) { return {Code::kUnknownType, std::move(msg)}; }
  static Status TooLarge(std::string msg) { return {Code::kTooLarge, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {Code::kConflict, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status StoreError(std::string msg) { return {Code::kStoreError, std::move(msg)}; }
  static Status Forbidden(std::string msg) { return {Code::kForbidden, std::move(msg)}; }
  static Status UnsupportedProtocol(std::string msg) {
    return {Code::kUnsupportedProtocol, std::move(msg)};
  }
  static Status BadImport(std::string msg) { return {Code::kBadImport, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }
  // An OS error on a path: "<what> <path>: <strerror(err)>", code store_error.
  static Status IoError(std::string_view what, std::string_view path, int err);

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;  // "conflict: ..."

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: must not be ok()
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace oneself
