// Request and reply shapes (docs/protocol.md):
//   request  {"id": <number or string>, "type": "<verb>", ...}
//   success  {"id": <same>, "ok": true, "result": {...}}
//   failure  {"id": <same>, "ok": false, "error": {"code": "...", "message": "..."}}
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::protocol {

struct Request {
  nlohmann::json id;    // a number or a string; null when it could not be read
  std::string type;     // the verb
  nlohmann::json body;  // the whole request object
};

// Parses a frame body. On failure `id` is whatever could be recovered (null
// when the JSON did not parse or the id had a type we do not echo) and the
// Status says why: bad_json for bytes that are not UTF-8 JSON, bad_request for
// JSON of the wrong shape.
struct ParsedRequest {
  Request request;
  Status status;
};
ParsedRequest ParseRequest(std::string_view frame);

// True when `text` is valid UTF-8 and no JSON array/object in it nests
// deeper than kMaxJsonDepth. ParseRequest runs it on what the JSON reader
// refused, for the clearer of the two messages.
Status PrecheckJson(std::string_view text);

// Compact JSON replies. Never throws: invalid UTF-8 in a string is replaced.
std::string OkReply(const nlohmann::json& id, const nlohmann::json& result);
// The same, written into `out` (replacing what it held, keeping its capacity).
void WriteOkReply(std::string& out, const nlohmann::json& id, const nlohmann::json& result);
std::string ErrorReply(const nlohmann::json& id, const Status& status);

// Replaces `reply` by a too_large error for `id` when it is over
// kMaxReplyBytes; returns whether it did.
bool CapReply(const nlohmann::json& id, std::string& reply);

}  // namespace oneself::protocol
