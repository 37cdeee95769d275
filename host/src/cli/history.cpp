// `oneself history`: the journal, newest first.
#include <fmt/format.h>

#include "cli/subcommand.h"
#include "protocol/limits.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("history takes no arguments"));
  json request = json::object();
  // Checked here, so that the reason names the option rather than the
  // protocol's field, and so that --before 0 (the protocol's "newest") is not
  // taken for a revision.
  if (const std::string* v = args.Option("--limit")) {
    std::optional<int64_t> n = RevisionNumber(*v, false);
    if (!n || *n < 1 || *n > protocol::kMaxHistoryPage) {
      return Fail(env, Status::BadRequest(
                           fmt::format("--limit must be between 1 and {}", protocol::kMaxHistoryPage)));
    }
    request["limit"] = *n;
  }
  if (const std::string* v = args.Option("--before")) {
    std::optional<int64_t> n = RevisionNumber(*v, true);
    if (!n || *n < 1) {
      return Fail(env, Status::BadRequest("--before takes a revision of 1 or more, such as 12 or r12"));
    }
    request["before"] = *n;
  }
  Result<json> result = RunVerb(env, "profile.history", request);
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
    return 0;
  }
  for (const json& e : (*result)["entries"]) {
    env.out << "r" << e["revision"].get<int64_t>() << "  " << e["time"].get<std::string>() << "  "
            << e["source"].get<std::string>();
    if (e.contains("deviceName") && e["deviceName"].is_string() && !e["deviceName"].get<std::string>().empty())
      env.out << "  " << e["deviceName"].get<std::string>();
    else if (e.contains("device") && e["device"].is_string())
      env.out << "  " << e["device"].get<std::string>();
    if (e.contains("revertedTo")) env.out << "  revert to r" << e["revertedTo"].get<int64_t>();
    std::string changed;
    if (e["changes"].is_object()) {
      for (const auto& [field, change] : e["changes"].items()) {
        changed += (changed.empty() ? "" : ", ") + field;
      }
    }
    if (!changed.empty()) env.out << "  " << changed;
    env.out << "\n";
  }
  if (!(*result)["next"].is_null()) {
    env.out << "(more: oneself history --before " << (*result)["next"].get<int64_t>() << ")\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kHistory{"history", "list earlier revisions, newest first",
                                    "usage: oneself history [--limit N] [--before REV] [--json]\n\n"
                                    "Lists revisions newest first: time, source (cli, extension, import),\n"
                                    "the device (machine) that made it, and the fields that changed. --limit is at most 100 (default 20);\n"
                                    "--before REV lists the revisions older than REV (12 or r12).\n",
                                    {"--limit", "--before"}, Run};

}  // namespace oneself::cli
