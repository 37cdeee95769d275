// spdlog setup. Log lines carry verbs, ids, sizes, codes and durations, never
// profile values (docs/protocol.md, "Logs").
#pragma once

#include <filesystem>

namespace oneself::log {

// $XDG_STATE_HOME/oneself, else ~/.local/state/oneself.
std::filesystem::path LogDirectory();

// A rotating file `oneself.log` in LogDirectory() (mode 0600, directory 0700),
// plus stderr when `toStderr` (the host: browsers keep a host's stderr in
// their own log). If the file cannot be opened, logging goes to stderr only
// and the host runs on.
void SetUpLogging(bool toStderr);

}  // namespace oneself::log
