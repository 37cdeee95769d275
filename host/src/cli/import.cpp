// `oneself import FILE...`: a JSON Resume document, or LinkedIn's data export
// (the ZIP file as LinkedIn sends it, its CSVs, or the folder holding them),
// recognised by content, through `import`; what it changes is shown field by
// field, and `--dry-run` shows it without writing.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "cli/subcommand.h"
#include "importers/zip_archive.h"

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

// The members of LinkedIn's export the importer reads (importers/linkedin.cpp).
const std::vector<std::string_view> kLinkedInMembers = {"Profile.csv", "Positions.csv", "Education.csv",
                                                        "Certifications.csv"};

// A value as the preview shows it: JSON, cut short past a line's worth.
std::string Shown(const json& value) {
  if (value.is_null()) return "(none)";
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  constexpr size_t kMax = 100;
  if (text.size() <= kMax) return text;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return text.substr(0, cut) + "… (" + std::to_string(text.size()) + " bytes)";
}

std::string Joined(const json& list) {
  std::string out;
  for (const json& item : list) {
    if (!out.empty()) out += ", ";
    out += item.is_string() ? item.get<std::string>() : item.dump();
  }
  return out;
}

std::string_view WhereSet(const std::string& source) {
  if (source == "cli") return "on the command line";
  if (source == "extension") return "in the options page";
  return "by hand";
}

void PrintPreview(Env& env, const json& result) {
  const bool dryRun = result.value("dryRun", false);
  const json& changes = result["changes"];
  if (!changes.empty()) {
    env.out << (dryRun ? "Would change (nothing is written with --dry-run):\n" : "Changes:\n");
    for (const json& c : changes)
      env.out << "  " << c["field"].get<std::string>() << ": " << Shown(c["from"]) << " \u2192 " << Shown(c["to"])
              << "\n";
  }
  if (!result["unchanged"].empty()) env.out << "Same as stored, left alone: " << Joined(result["unchanged"]) << "\n";
  if (!result["kept"].empty()) env.out << "Not in the files, kept: " << Joined(result["kept"]) << "\n";
  for (const auto& [field, by] : result["setByHand"].items()) {
    env.out << "Note: " << field << " was set by hand (" << WhereSet(by["source"].get<std::string>())
            << ", revision " << by["revision"].get<int64_t>() << "); this import "
            << (dryRun ? "would replace" : "replaced") << " it"
            << (dryRun ? "" : " (`oneself revert` takes the import back)") << "\n";
  }
  for (const json& note : result["notes"]) env.out << "Note: " << note.get<std::string>() << "\n";
}

int Run(const Args& args, Env& env) {
  if (args.positional.empty()) return Fail(env, Status::BadRequest("import takes at least one FILE"));
  const bool dryRun = args.Has("--dry-run");
  bool fromFolder = false;
  Result<std::vector<fs::path>> files = Expand(args.positional, fromFolder);
  if (!files.ok()) return Fail(env, files.status());

  json request;
  json csvs = json::object();
  std::vector<std::string> passedOver;  // members of a ZIP archive not read
  for (const fs::path& file : *files) {
    // An archive is read into memory whole: one past any export's size is
    // refused before it is read.
    std::error_code ec;
    if (const auto size = fs::file_size(file, ec); !ec && size > importers::ZipLimits{}.maxArchiveBytes) {
      return Fail(env, Status::BadImport(file.filename().string() + " is " + std::to_string(size >> 20) +
                                         " MiB, more than any LinkedIn export or resume; nothing was read"));
    }
    Result<std::string> text = ReadFileText(file.string());
    if (!text.ok()) return Fail(env, text.status());
    // Content decides, but a name that claims the other format is a file
    // that is not what it claims to be: refused rather than guessed at.
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (importers::LooksLikeZip(*text) || ext == ".zip") {
      Result<importers::ZipContents> zip =
          importers::ReadZipMembers(*text, file.filename().string(), kLinkedInMembers);
      if (!zip.ok()) return Fail(env, zip.status());
      if (zip->read.empty()) {
        return Fail(env, Status::BadImport(file.filename().string() +
                                           " holds none of Profile.csv, Positions.csv, Education.csv or "
                                           "Certifications.csv: it is not LinkedIn's data export"));
      }
      for (importers::ZipMember& member : zip->read) csvs[member.name] = std::move(member.text);
      passedOver.insert(passedOver.end(), zip->skipped.begin(), zip->skipped.end());
      fromFolder = true;  // an archive's members are known by name; whatever else a match holds is passed over
      continue;
    }
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
  request["dryRun"] = dryRun;
  Result<json> result = RunVerb(env, "import", request);
  if (!result.ok()) return Fail(env, result.status());
  for (const std::string& name : passedOver) (*result)["skipped"].push_back(name);
  if (args.Has("--json")) {
    PrintJson(env, *result);
    return 0;
  }
  PrintPreview(env, *result);
  if (!(*result)["skipped"].empty()) env.out << "Passed over: " << Joined((*result)["skipped"]) << "\n";
  if (!(*result)["read"].empty()) env.out << "Read: " << Joined((*result)["read"]) << "\n";
  if (dryRun) {
    env.out << "Dry run: nothing was written; the profile is at revision "
            << request["baseRevision"].get<int64_t>() << "\n";
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

constinit const Subcommand kImport{
    "import", "import a JSON Resume file or LinkedIn's data export (ZIP or CSVs)",
    "usage: oneself import FILE... [--dry-run] [--json]\n\n"
    "FILE is a JSON Resume document (.json), LinkedIn's data export as it\n"
    "arrives (the .zip file, Basic or complete), its CSV files (Profile.csv,\n"
    "Positions.csv, Education.csv, Certifications.csv), or the folder that\n"
    "holds them. Files are recognised by their content, not their names; the\n"
    "export's other files are passed over, and named.\n\n"
    "The import prints what it changes, field by field, and becomes a new\n"
    "revision; `oneself revert` takes it back.\n\n"
    "  --dry-run   show what would change, and write nothing\n"
    "  --json      the host's reply, as JSON\n\n"
    "example: oneself import --dry-run ~/Downloads/Basic_LinkedInDataExport.zip\n",
    {}, Run, {"--dry-run"}};

}  // namespace oneself::cli
