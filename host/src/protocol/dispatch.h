// Turns one frame into one reply: parse, check the caller, run the verb,
// shape the reply, cap its size. Never throws; every frame gets an answer.
#pragma once

#include <string>
#include <string_view>

#include "commands/command.h"

namespace oneself::protocol {

class Dispatcher {
 public:
  // `ctx` must outlive the Dispatcher. When `callerAllowed` is false every
  // request is answered `forbidden`.
  Dispatcher(commands::Context& ctx, bool callerAllowed)
      : ctx_(ctx), callerAllowed_(callerAllowed) {}

  // The reply to one frame body: compact JSON, at most kMaxReplyBytes.
  std::string Handle(std::string_view frame);
  // The same, written into `reply` (replacing what it held, keeping its
  // capacity: the host loop answers every keystroke's check from one buffer).
  void Handle(std::string_view frame, std::string& reply);

  // The reply to a frame that was over kMaxRequestBytes (and skipped).
  std::string TooLargeRequest(uint32_t length) const;

 private:
  commands::Context& ctx_;
  bool callerAllowed_;
};

}  // namespace oneself::protocol
