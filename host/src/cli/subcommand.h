// The shape of one subcommand (one file each in cli/) and the helpers they share.
#pragma once

#include <array>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "commands/command.h"
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
// every other "--word" is a flag. "--" ends the options; "-" is a
// positional (stdin).
Result<Args> ParseArgs(const std::vector<std::string>& words, std::span<const std::string_view> valued);

struct Env {
  Output& out;
  Output& err;
  commands::Context& ctx;
};

// Constant data, defined `constinit`: the table costs nothing at start-up,
// which every host process (one per message, maybe) would pay for the CLI.
struct Subcommand {
  std::string_view name;
  std::string_view summary;  // one line for `oneself --help`
  std::string_view usage;    // the full `oneself NAME --help` text
  std::array<std::string_view, 4> valued;  // options taking a value; unused entries empty
  int (*run)(const Args& args, Env& env);
};

// The table (cli.cpp) and each subcommand's definition (one file each).
extern const Subcommand kInit, kShow, kGet, kSet, kImport, kExport, kHistory, kRevert, kVerify,
    kStatus, kDoctor, kHost, kCheck, kBio, kPhoto;

// 1 for the caller's mistakes, 2 for the machine's.
int ExitCode(const Status& status);
// Prints "oneself: <message>" and returns ExitCode(status).
int Fail(Env& env, const Status& status);
// Runs one verb as the host would. On failure prints the reason.
Result<nlohmann::json> RunVerb(Env& env, std::string_view type, nlohmann::json request);
// Pretty JSON for --json output.
void PrintJson(Env& env, const nlohmann::json& value);
// Reads a whole file ("-" is stdin). not_found / store_error name the path.
Result<std::string> ReadFileText(const std::string& path);

}  // namespace oneself::cli
