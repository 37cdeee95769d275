// `oneself doctor`: checks every browser's host manifest and the store, and
// prints each problem with the command that fixes it.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace oneself::cli {

// `args` are the words after "doctor". Returns the exit status: 0 when all is
// well, 1 when a problem was found, 2 on an internal error.
int RunDoctor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace oneself::cli
