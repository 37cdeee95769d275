// The `oneself` command line: git-style subcommands over the same command
// objects the host runs (commands/), so both share every operation.
#pragma once

#include <string>
#include <vector>

#include "cli/output.h"

namespace oneself::cli {

// `args` are the words after the program name. Returns the exit status:
// 0 success, 1 a user error (one line on `err`), 2 an internal error.
int RunCli(const std::vector<std::string>& args, Output& out, Output& err);

}  // namespace oneself::cli
