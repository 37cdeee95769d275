// `oneself doctor`: checks every browser's host manifest and the store, and
// prints each problem with the command that fixes it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/output.h"

namespace oneself::cli {

// `oneself doctor --help`: one text for RunDoctor's own parser and the CLI's
// table (`oneself help doctor`), so the two cannot drift apart.
inline constexpr std::string_view kDoctorUsage =
    "usage: oneself doctor [--system] [--binary PATH]\n"
    "\n"
    "Checks that every browser found can start the oneself host: its host\n"
    "manifest is there, valid, names an executable oneself and allows the\n"
    "oneself extension; and that the profile store is private (directory 0700,\n"
    "files 0600) and its journal verifies. Browsers in Flatpak and Snap, and\n"
    "folders given to install.sh --browser-dir, are checked too. Each problem\n"
    "is printed with the command that fixes it.\n"
    "\n"
    "  --system       check the system-wide manifest folders instead of yours\n"
    "  --binary PATH  the oneself binary that fixes should point browsers at\n"
    "                 (default: this program); it must exist and be executable\n"
    "\n"
    "Exit status: 0 all is well, 1 a problem was found, 2 internal error.\n";

// `args` are the words after "doctor". Returns the exit status: 0 when all is
// well, 1 when a problem was found, 2 on an internal error.
int RunDoctor(const std::vector<std::string>& args, Output& out, Output& err);

}  // namespace oneself::cli
