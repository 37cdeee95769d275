// Reading a whole file for the command line (imports, manifests), with
// read(2) rather than a file stream (cli/output.h says why).
#pragma once

#include <optional>
#include <string>

namespace oneself::cli {

// The bytes of the file at `path`, or nullopt if it cannot be opened or read.
std::optional<std::string> ReadWholeFile(const std::string& path);

// Everything `fd` gives until its end (stdin for "-"), or nullopt on a read
// error. Does not close `fd`.
std::optional<std::string> ReadToEnd(int fd);

}  // namespace oneself::cli
