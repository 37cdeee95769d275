// spdlog setup. Log lines carry verbs, ids, sizes, codes and durations, never
// profile values (docs/protocol.md, "Logs").
#pragma once

#include <filesystem>
#include <string>

namespace oneself::log {

// $XDG_STATE_HOME/oneself, else ~/.local/state/oneself.
std::filesystem::path LogDirectory();

// A rotating file `oneself.log` in LogDirectory() (mode 0600, directory 0700),
// plus stderr when `toStderr` (the host: browsers keep a host's stderr in
// their own log). If the file cannot be opened, logging goes to stderr only
// and the host runs on.
//
// Nothing is opened until the first line at or above the level (info) is
// written, and `firstLine` (if not empty) is written before it: a browser may
// start the host for each message, a successful hello and check log nothing,
// and setting up the logger was about 80 us of every start
// (bench/README.md).
void SetUpLogging(bool toStderr, std::string firstLine = {});

}  // namespace oneself::log
