#include "protocol/host_loop.h"

#include "log/log.h"
#include "protocol/lifecycle.h"

namespace oneself::protocol {

int RunHost(ByteReader& in, ByteWriter& out, Dispatcher& dispatcher) {
  // One buffer for every request and one for every reply: a check per
  // keystroke then allocates neither.
  Frame frame;
  std::string reply;
  for (;;) {
    if (Status s = ReadFrame(in, frame); !s.ok()) {
      log::Error("input broken: {}", s.message());
      return 1;
    }
    BusyScope busy;  // a shutdown signal now waits for the reply
    ResetKeptBuffer(reply);
    switch (frame.kind) {
      case Frame::Kind::kEnd:
        log::Debug("end of input; exiting");
        return 0;
      case Frame::Kind::kTooLarge:
        reply = dispatcher.TooLargeRequest(frame.length);
        break;
      case Frame::Kind::kMessage:
        dispatcher.Handle(frame.body, reply);
        break;
    }
    if (Status s = WriteFrame(out, reply); !s.ok()) {
      log::Error("output broken: {}", s.message());
      return 1;
    }
  }
}

}  // namespace oneself::protocol
