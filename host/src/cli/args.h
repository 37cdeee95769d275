// The words after a subcommand's name, as options, flags and positionals.
// Shared by every subcommand, doctor's own parser included.
#pragma once

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "oneself/status.h"

namespace oneself::cli {

// Parsed words after the subcommand's name.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--site" -> "x"
  std::set<std::string> flags;                  // "--json", "--help"
  bool Has(std::string_view flag) const { return flags.count(std::string(flag)) > 0; }
  const std::string* Option(std::string_view name) const {
    auto it = options.find(std::string(name));
    return it == options.end() ? nullptr : &it->second;
  }
};

// `valued`: the options that take a value (empty entries are ignored);
// the flags are --json, --help and `flags`; any other "--word" is refused.
// "--" ends the options; "-" is a positional (stdin).
Result<Args> ParseArgs(const std::vector<std::string>& words, std::span<const std::string_view> valued,
                       std::span<const std::string_view> flags = {});

}  // namespace oneself::cli
