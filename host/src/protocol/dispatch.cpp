#include "protocol/dispatch.h"

#include <chrono>

#include <fmt/format.h>

#include "json/dispose.h"
#include "log/log.h"
#include "protocol/limits.h"
#include "protocol/message.h"

namespace oneself::protocol {
namespace {

// The id as it may appear in a log line: numbers as they are, strings cut
// short (an id is chosen by the caller and is not profile data).
// Caller-chosen text as it may appear in a log line: cut short, and anything
// but printable ASCII replaced, so a request cannot forge or break log lines.
std::string Printable(std::string_view text) {
  std::string out(text.substr(0, 40));
  for (char& c : out) {
    if (c < 0x20 || c > 0x7e) c = '?';
  }
  return out;
}

std::string LoggedId(const nlohmann::json& id) {
  if (id.is_string()) return Printable(id.get_ref<const std::string&>());
  return id.dump();
}

}  // namespace

std::string Dispatcher::Handle(std::string_view frame) {
  std::string reply;
  Handle(frame, reply);
  return reply;
}

void Dispatcher::Handle(std::string_view frame, std::string& reply) {
  const auto start = std::chrono::steady_clock::now();
  ParsedRequest parsed = ParseRequest(frame);
  const Request& req = parsed.request;

  std::string_view code = "ok";
  if (!parsed.status.ok()) {
    reply = ErrorReply(req.id, parsed.status);
    code = CodeName(parsed.status.code());
  } else if (!callerAllowed_) {
    Status s = Status::Forbidden("this host only serves the oneself extension");
    reply = ErrorReply(req.id, s);
    code = CodeName(s.code());
  } else {
    Result<nlohmann::json> result = commands::Execute(req.type, req.body, ctx_);
    if (result.ok()) {
      WriteOkReply(reply, req.id, *result);
    } else {
      reply = ErrorReply(req.id, result.status());
      code = CodeName(result.status().code());
    }
    if (CapReply(req.id, reply)) code = CodeName(Code::kTooLarge);
  }
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  // Verb names are ours; an unknown one is the caller's text, so cut it short.
  // A check runs on every keystroke in an edit form and a hello opens every
  // connection: their successes would flood the log (and open it, and cost a
  // write each, in a host started per message), so only failures are logged.
  const bool routine = code == "ok" && (req.type == "check" || req.type == "hello");
  const auto level = routine ? log::Level::kDebug : log::Level::kInfo;
  if (log::Enabled(level)) {  // the id and type are copied only for a line that is written
    log::Log(level, "request type={} id={} in={}B out={}B code={} {}us", Printable(req.type),
             LoggedId(req.id), frame.size(), reply.size(), code, micros);
  }
  jsontext::Dispose(parsed.request.body);
}

std::string Dispatcher::TooLargeRequest(uint32_t length) const {
  log::Warn("request of {} bytes refused: over {}", length, kMaxRequestBytes);
  return ErrorReply(nullptr, Status::TooLarge(fmt::format(
                                  "the message is {} bytes, over the limit of {}", length, kMaxRequestBytes)));
}

}  // namespace oneself::protocol
