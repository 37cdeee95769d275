#include "protocol/host_loop.h"

#include <spdlog/spdlog.h>

#include "protocol/lifecycle.h"

namespace oneself::protocol {

int RunHost(ByteReader& in, ByteWriter& out, Dispatcher& dispatcher) {
  for (;;) {
    Result<Frame> frame = ReadFrame(in);
    if (!frame.ok()) {
      spdlog::error("input broken: {}", frame.status().message());
      return 1;
    }
    BusyScope busy;  // a shutdown signal now waits for the reply
    std::string reply;
    switch (frame->kind) {
      case Frame::Kind::kEnd:
        spdlog::info("end of input; exiting");
        return 0;
      case Frame::Kind::kTooLarge:
        reply = dispatcher.TooLargeRequest(frame->length);
        break;
      case Frame::Kind::kMessage:
        reply = dispatcher.Handle(frame->body);
        break;
    }
    if (Status s = WriteFrame(out, reply); !s.ok()) {
      spdlog::error("output broken: {}", s.message());
      return 1;
    }
  }
}

}  // namespace oneself::protocol
