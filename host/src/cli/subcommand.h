// The shape of one subcommand (one file each in cli/) and the helpers they share.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/output.h"
#include "commands/command.h"
#include "oneself/status.h"

namespace oneself::cli {

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
  std::array<std::string_view, 4> flags{};  // flags besides --json and --help; unused entries empty
};

// The table (cli.cpp) and each subcommand's definition (one file each).
extern const Subcommand kInit, kShow, kGet, kSet, kImport, kExport, kHistory, kRevert, kVerify,
    kStatus, kDoctor, kHost, kCheck, kBio, kPhoto, kRegister, kUnregister, kDevices, kConflicts;

// 1 for the caller's mistakes, 2 for the machine's.
int ExitCode(const Status& status);
// Prints "oneself: <message>" and returns ExitCode(status).
int Fail(Env& env, const Status& status);
// Runs one verb as the host would. On failure prints the reason.
Result<nlohmann::json> RunVerb(Env& env, std::string_view type, nlohmann::json request);
// The canonical id of the site --site names ("twitter" -> "x"); the reason
// lists the site ids when it is missing or names none.
Result<std::string> SiteOption(const Args& args, std::string_view verb);
// The same for a site named some other way; `shownAs` is how the reason
// quotes it ("--site y", "bio y").
Result<std::string> SiteNamed(const std::string& name, const std::string& shownAs);
// "12", or "r12" as `history` prints it when `r` is allowed; nullopt for
// anything else, a negative number included.
std::optional<int64_t> RevisionNumber(const std::string& text, bool allowR);
// Pretty JSON for --json output.
void PrintJson(Env& env, const nlohmann::json& value);
// Reads a whole file ("-" is stdin). not_found / store_error name the path.
Result<std::string> ReadFileText(const std::string& path);

}  // namespace oneself::cli
