// `import`: a JSON Resume document or LinkedIn export CSVs, turned into a
// merge patch by importers/ and applied as one revision (source "import")
// against `baseRevision`, like any update.
#include <fmt/format.h>

#include "commands/command.h"
#include "compare/canonical.h"
#include "commands/fields.h"
#include "commands/snapshot_json.h"
#include "importers/importers.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

Result<json> PatchFromJsonResume(const json& request) {
  Result<std::string> content = RequireString(request, "content");
  if (!content.ok()) return content.status();
  return importers::ImportJsonResume(std::string_view(*content));
}

Result<json> PatchFromLinkedIn(const json& request) {
  std::vector<importers::ImportFile> texts;
  if (request.contains("files") && !request["files"].is_null()) {
    const json& files = request["files"];
    if (!files.is_object() || files.empty()) {
      return Status::BadRequest("field 'files' must be an object of file name to file text");
    }
    for (const auto& [name, text] : files.items()) {
      if (!text.is_string()) {
        return Status::BadRequest(fmt::format("field 'files.{}' must be a string", name.substr(0, 64)));
      }
      texts.push_back({name, text.get_ref<const std::string&>()});
    }
  } else {
    if (!request.contains("content")) {
      return Status::BadRequest("field 'files' (or 'content') is missing: the CSV text to import");
    }
    if (!request["content"].is_string()) return Status::BadRequest("field 'content' must be a string");
    texts.push_back({{}, request["content"].get_ref<const std::string&>()});
  }
  bool skipUnknown = false;
  if (request.contains("skipUnknown") && !request["skipUnknown"].is_null()) {
    if (!request["skipUnknown"].is_boolean()) return Status::BadRequest("field 'skipUnknown' must be true or false");
    skipUnknown = request["skipUnknown"].get<bool>();
  }
  return importers::ImportLinkedInCsv(texts, skipUnknown);
}

// A JSON Resume names the person in one string. Given and family parts of an
// earlier import (a LinkedIn export, or a name since changed) that the new
// full name does not contain would go on describing the old name: the patch
// removes them.
void DropStaleNameParts(json& patch, const json& profile) {
  if (!patch.contains("profile") || !patch["profile"].is_object() || !patch["profile"].contains("name")) return;
  json& newName = patch["profile"]["name"];
  if (!newName.is_object() || !newName.contains("full") || !newName["full"].is_string()) return;
  if (newName.contains("given") || newName.contains("family")) return;
  const auto old = profile.find("name");
  if (old == profile.end() || !old->is_object()) return;
  auto partOf = [&](const char* key) {
    const auto it = old->find(key);
    return it != old->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const std::string given = partOf("given"), family = partOf("family");
  if (given.empty() && family.empty()) return;
  if (compare::NamePartsFit(newName["full"].get_ref<const std::string&>(), given, family)) return;
  newName["given"] = nullptr;
  newName["family"] = nullptr;
}

class Import final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<int64_t> base = RequireInt(request, "baseRevision", 0);
    if (!base.ok()) return base.status();
    Result<std::string> format = RequireString(request, "format");
    if (!format.ok()) return format.status();
    Result<json> patch = Status::Internal("unset");
    if (*format == "jsonresume") {
      patch = PatchFromJsonResume(request);
    } else if (*format == "linkedin-csv") {
      patch = PatchFromLinkedIn(request);
    } else {
      return Status::BadRequest("field 'format' must be \"jsonresume\" or \"linkedin-csv\"");
    }
    if (!patch.ok()) return patch.status();
    if (*format == "jsonresume") {
      Result<std::shared_ptr<const store::Snapshot>> current = ctx.store.LoadShared();
      if (!current.ok()) return current.status();
      if (const auto it = (*current)->doc.find("profile"); it != (*current)->doc.end() && it->is_object()) {
        DropStaleNameParts(*patch, *it);
      }
    }
    Result<store::Snapshot> snapshot = ctx.store.Update(*base, *patch, store::Source::kImport);
    if (!snapshot.ok()) return snapshot.status();
    json result = SnapshotJson(*snapshot);
    json imported = json::array();
    if (patch->contains("profile") && (*patch)["profile"].is_object()) {
      for (const auto& [key, value] : (*patch)["profile"].items()) imported.push_back(key);
    }
    result["imported"] = std::move(imported);
    // `imported` names what the file held, changed or not; the store makes no
    // revision when nothing changed, and this says so without comparing.
    result["changed"] = snapshot->revision != *base;
    return result;
  }
};

}  // namespace

std::unique_ptr<Command> MakeImport() { return std::make_unique<Import>(); }

}  // namespace oneself::commands
