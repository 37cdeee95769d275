// `oneself import FILE...`: a JSON Resume document, or LinkedIn's data export
// CSVs (or the folder holding them), recognised by content, through `import`.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

bool LooksLikeJson(const std::string& text) {
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // a UTF-8 BOM
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
  return i < text.size() && text[i] == '{';
}

// Every FILE, with folders opened to the CSV files directly inside them.
// `fromFolder` is set when a folder was named: LinkedIn's export holds many
// CSV files besides the two we read, and those are then skipped.
Result<std::vector<fs::path>> Expand(const std::vector<std::string>& names, bool& fromFolder) {
  std::vector<fs::path> files;
  for (const std::string& name : names) {
    std::error_code ec;
    if (name != "-" && fs::is_directory(name, ec)) {
      std::vector<fs::path> inside;
      for (const fs::directory_entry& entry : fs::directory_iterator(name, ec)) {
        std::string ext = entry.path().extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (entry.is_regular_file(ec) && ext == ".csv") inside.push_back(entry.path());
      }
      if (ec) return Status::BadRequest("cannot list the folder " + name);
      if (inside.empty()) return Status::NotFound("no .csv files in the folder " + name);
      std::sort(inside.begin(), inside.end());
      fromFolder = true;
      files.insert(files.end(), inside.begin(), inside.end());
    } else {
      files.emplace_back(name);
    }
  }
  return files;
}

int Run(const Args& args, Env& env) {
  if (args.positional.empty()) return Fail(env, Status::BadRequest("import takes at least one FILE"));
  bool fromFolder = false;
  Result<std::vector<fs::path>> files = Expand(args.positional, fromFolder);
  if (!files.ok()) return Fail(env, files.status());

  json request;
  json csvs = json::object();
  for (const fs::path& file : *files) {
    Result<std::string> text = ReadFileText(file.string());
    if (!text.ok()) return Fail(env, text.status());
    // Content decides, but a name that claims the other format is a file
    // that is not what it claims to be: refused rather than guessed at.
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool isJson = ext == ".json" || (ext != ".csv" && LooksLikeJson(*text));
    if (ext == ".csv" && LooksLikeJson(*text)) {
      return Fail(env, Status::BadImport(file.filename().string() + " is named .csv but holds JSON"));
    }
    if (isJson) {
      if (files->size() != 1) {
        return Fail(env, Status::BadRequest("import one JSON Resume file at a time, without CSV files"));
      }
      request = {{"format", "jsonresume"}, {"content", std::move(*text)}};
    } else {
      csvs[file.filename().string()] = std::move(*text);
    }
  }
  if (!csvs.empty()) {
    request = {{"format", "linkedin-csv"}, {"files", std::move(csvs)}, {"skipUnknown", fromFolder}};
  }

  Result<json> current = RunVerb(env, "profile.get", json::object());
  if (!current.ok()) return Fail(env, current.status());
  request["baseRevision"] = (*current)["revision"];
  Result<json> result = RunVerb(env, "import", request);
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
  } else if ((*result)["revision"] == request["baseRevision"]) {
    env.out << "Nothing changed; the profile is at revision " << request["baseRevision"].get<int64_t>()
            << "\n";
  } else {
    env.out << "Imported " << request["format"].get<std::string>() << " as revision "
            << (*result)["revision"].get<int64_t>() << "\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kImport{"import", "import a JSON Resume file or LinkedIn export CSVs",
                                   "usage: oneself import FILE... [--json]\n\n"
                                   "FILE is a JSON Resume document (.json), or LinkedIn data export CSV\n"
                                   "files (Profile.csv, Positions.csv), or the folder that holds them. Files\n"
                                   "are recognised by their content, not their names. The import becomes a\n"
                                   "new revision; `oneself revert` takes it back.\n",
                                   {}, Run};

}  // namespace oneself::cli
