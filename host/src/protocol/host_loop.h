// The native messaging host's loop: read a frame, answer it, until the input
// ends. Blocking reads, no polling.
#pragma once

#include "protocol/dispatch.h"
#include "protocol/framing.h"

namespace oneself::protocol {

// Returns the process exit status: 0 at end of input between frames, 1 when
// the input broke off inside a frame or the output could not be written.
int RunHost(ByteReader& in, ByteWriter& out, Dispatcher& dispatcher);

}  // namespace oneself::protocol
