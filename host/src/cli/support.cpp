#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>

#include "cli/lock_notice.h"
#include "store/device.h"
#include "cli/read_file.h"
#include "cli/subcommand.h"
#include "sites/site_table.h"
#include "store/store_format.h"

namespace oneself::cli {
namespace {

constexpr const char* kDashHint = " (to give a value that starts with '-', put -- before it)";

}  // namespace

Result<Args> ParseArgs(const std::vector<std::string>& words, std::span<const std::string_view> valued,
                       std::span<const std::string_view> flags) {
  Args args;
  bool optionsEnded = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (optionsEnded || w == "-" || w.rfind("--", 0) != 0) {
      if (!optionsEnded && w.size() > 1 && w[0] == '-' && w != "-") {
        if (w == "-h") {
          args.flags.insert("--help");
          continue;
        }
        // No option of ours has one dash: this is more likely a value.
        return Status::BadRequest("unknown option " + w + kDashHint);
      }
      args.positional.push_back(w);
      continue;
    }
    if (w == "--") {
      optionsEnded = true;
      continue;
    }
    const size_t eq = w.find('=');
    const std::string name = w.substr(0, eq);
    if (std::find(valued.begin(), valued.end(), name) != valued.end()) {  // never empty: it starts with "--"
      if (eq != std::string::npos) {
        args.options[name] = w.substr(eq + 1);
      } else if (i + 1 < words.size()) {
        args.options[name] = words[++i];
      } else {
        return Status::BadRequest("option " + name + " needs a value");
      }
    } else if (name == "--json" || name == "--help" ||
               std::find(flags.begin(), flags.end(), name) != flags.end()) {
      if (eq != std::string::npos) return Status::BadRequest("option " + name + " takes no value");
      args.flags.insert(name);
    } else {
      const bool spaced = name.find(' ') != std::string::npos;  // a sentence, not an option
      return Status::BadRequest("unknown option " + name + (spaced ? kDashHint : ""));
    }
  }
  return args;
}

int ExitCode(const Status& status) {
  switch (status.code()) {
    case Code::kOk: return 0;
    case Code::kStoreError:
    case Code::kInternal: return 2;
    default: return 1;
  }
}

int Fail(Env& env, const Status& status) {
  env.err << "oneself: " << status.message() << " (" << CodeName(status.code()) << ")\n";
  return ExitCode(status);
}

Result<nlohmann::json> RunVerb(Env& env, std::string_view type, nlohmann::json request) {
  request["type"] = std::string(type);
  LockNotice notice(env.err, store::LocalDir(store::Env::Default(), env.ctx.store.dir()) /
                                 std::string(store::format::kLockFile));
  return commands::Execute(type, request, env.ctx);
}

namespace {

std::string SiteIds() {
  std::string ids;
  for (const sites::Site& site : sites::AllSites()) {
    ids += (ids.empty() ? "" : ", ") + std::string(site.id);
  }
  return ids;
}

}  // namespace

Result<std::string> SiteOption(const Args& args, std::string_view verb) {
  const std::string* name = args.Option("--site");
  if (name == nullptr) return Status::BadRequest(std::string(verb) + " needs --site SITE, one of " + SiteIds());
  return SiteNamed(*name, "--site " + *name);
}

Result<std::string> SiteNamed(const std::string& name, const std::string& shownAs) {
  const sites::Site* site = sites::FindSite(name);
  if (site == nullptr) return Status::BadRequest(shownAs + ": no such site; SITE is one of " + SiteIds());
  return std::string(site->id);
}

std::optional<int64_t> RevisionNumber(const std::string& text, bool allowR) {
  std::string_view digits = text;
  if (allowR && !digits.empty() && digits[0] == 'r') digits.remove_prefix(1);
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || digits[0] == '-' || ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return n;
}

void PrintJson(Env& env, const nlohmann::json& value) {
  env.out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

Result<std::string> ReadFileText(const std::string& path) {
  if (path == "-") {
    std::optional<std::string> text = ReadToEnd(STDIN_FILENO);
    if (!text) return Status::BadRequest("cannot read stdin");
    return std::move(*text);
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no such file: " + path);
  if (std::filesystem::is_directory(path, ec)) return Status::BadRequest(path + " is a folder, not a file");
  errno = 0;
  std::optional<std::string> text = ReadWholeFile(path);
  if (!text) {
    // open's or read's reason ("Permission denied"): what the user can fix.
    const int error = errno;
    return Status::BadRequest("cannot read " + path + (error != 0 ? std::string(": ") + std::strerror(error) : ""));
  }
  return std::move(*text);
}

}  // namespace oneself::cli
