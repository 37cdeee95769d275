// The protocol's limits, in one place. The reader, the writer, the dispatcher
// and the tests all take their numbers from here (docs/protocol.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace oneself::protocol {

// Every frame starts with its body length as a 4-byte unsigned integer in the
// machine's native byte order (what Chromium and Firefox write and expect).
inline constexpr size_t kHeaderBytes = 4;
static_assert(sizeof(uint32_t) == kHeaderBytes, "the length prefix is a uint32_t");

// Incoming frames larger than this are refused with too_large and never
// allocated: their bodies are read and discarded in kDiscardChunk pieces so
// that the next frame is still read in sync.
inline constexpr uint32_t kMaxRequestBytes = 8u * 1024u * 1024u;
inline constexpr size_t kDiscardChunk = 64u * 1024u;

// Browsers drop the connection when the host sends a message over 1 MB
// (Chromium's kMaximumNativeMessageSize, Firefox's MAX_READ); a reply that
// would exceed it is replaced by a too_large error.
inline constexpr size_t kMaxReplyBytes = 1024u * 1024u;

// JSON nested deeper than this is refused before parsing (bad_json): no
// request needs more than a handful of levels, and deep nesting is how a
// hostile page would try to exhaust the stack.
inline constexpr int kMaxJsonDepth = 64;

// The host loop reads every frame into one buffer and builds every reply in
// another, so that a check per keystroke allocates neither; a buffer grown
// past this by a rare large message is given back rather than kept.
inline constexpr size_t kKeptBufferBytes = 256u * 1024u;

// The protocol version `hello` negotiates.
inline constexpr int kProtocolVersion = 1;

// profile.history pages hold at most this many entries.
inline constexpr int kMaxHistoryPage = 100;

}  // namespace oneself::protocol
