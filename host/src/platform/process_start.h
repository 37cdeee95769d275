// What main() sets up before anything else runs: arguments, standard
// streams, file privacy. The one place where main() differs between POSIX
// and Windows (process_start_posix.cpp, process_start_win32.cpp).
#pragma once

#include <string>
#include <vector>

namespace oneself::platform {

// Which of stdin, stdout and stderr the program was started without.
struct ClosedStandard {
  bool in = false, out = false, err = false;
};

// The arguments after the program name, in UTF-8. On Windows they are read
// from the UTF-16 command line, so a path such as C:\Users\Zoë survives
// whatever the ANSI code page.
std::vector<std::string> ProgramArguments(int argc, char** argv);

// Everything oneself creates (store, logs) is private to the user: umask 077
// on POSIX; on Windows the store folder's owner-only ACL, inherited by its
// files, does that job (store/env_win32.cpp).
void MakeNewFilesPrivate();

// A closed descriptor among 0, 1 and 2 is the next one open() returns: the log
// file or a store file would then receive what the program prints. Each is
// held by the null device instead, and the caller learns which were closed.
// On Windows the three are also switched to binary mode: the native messaging
// frames carry lengths and UTF-8, and a CR inserted before each LF would
// corrupt both.
ClosedStandard HoldStandardDescriptors();

// Gives the frames a private descriptor on the real stdout and points stdout
// at stderr, so that a stray print anywhere can never corrupt the stream.
// Returns the new descriptor, or -1 (errno set).
int ProtectStdout();

}  // namespace oneself::platform
