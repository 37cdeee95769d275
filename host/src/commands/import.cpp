// `import`: a JSON Resume document or LinkedIn export CSVs, turned into a
// merge patch by importers/ and applied as one revision (source "import")
// against `baseRevision`, like any update.
#include <fmt/format.h>

#include "commands/command.h"
#include "compare/canonical.h"
#include "commands/fields.h"
#include "commands/import_preview.h"
#include "commands/snapshot_json.h"
#include "store/document.h"
#include "importers/importers.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

Result<bool> OptionalBool(const json& request, const char* field) {
  if (!request.contains(field) || request[field].is_null()) return false;
  if (!request[field].is_boolean()) return Status::BadRequest(std::string("field '") + field + "' must be true or false");
  return request[field].get<bool>();
}

Result<json> PatchFromJsonResume(const json& request) {
  Result<std::string> content = RequireString(request, "content");
  if (!content.ok()) return content.status();
  return importers::ImportJsonResume(std::string_view(*content));
}

Result<json> PatchFromLinkedIn(const json& request, importers::ImportReport& report) {
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
  Result<bool> skipUnknown = OptionalBool(request, "skipUnknown");
  if (!skipUnknown.ok()) return skipUnknown.status();
  return importers::ImportLinkedInCsv(texts, *skipUnknown, &report);
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

// The person's view of an import: what changes field by field, which fields
// the files held with the values already stored, which fields the person set
// by hand that the import replaces, and which files were passed over.
Result<json> Preview(const json& patch, const json& current, const importers::ImportReport& report,
                     const store::Store& store) {
  json after = current;
  Status s = store::ApplyUpdatePatch(after, patch);
  if (s.ok()) s = store::ValidateDocument(after);
  if (!s.ok()) return s;
  store::DropEmptyObjects(after, "profile");
  static const json kEmpty = json::object();
  const json& was = current.contains("profile") ? current["profile"] : kEmpty;
  const json& will = after.contains("profile") ? after["profile"] : kEmpty;
  json preview = {{"changes", FieldChanges(was, will)}, {"unchanged", json::array()}};
  json touched = json::array();
  if (patch.contains("profile") && patch["profile"].is_object()) {
    for (const auto& [key, value] : patch["profile"].items()) {
      if (was.value(key, json(nullptr)) == will.value(key, json(nullptr))) {
        preview["unchanged"].push_back(key);
      } else {
        touched.push_back(key);
      }
    }
  }
  json kept = json::array();
  for (const auto& [key, value] : was.items())
    if (!patch.contains("profile") || !patch["profile"].contains(key)) kept.push_back(key);
  preview["kept"] = std::move(kept);
  // Only fields with a value now can be replaced; one set by hand and
  // since removed is not.
  json replaced = json::array();
  for (const json& key : touched)
    if (was.contains(key.get<std::string>())) replaced.push_back(key);
  Result<json> byHand = SetByHand(store, replaced);
  if (!byHand.ok()) return byHand.status();
  preview["setByHand"] = std::move(*byHand);
  preview["read"] = report.read;
  preview["skipped"] = report.skipped;
  preview["notes"] = report.notes;
  return preview;
}

class Import final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<int64_t> base = RequireInt(request, "baseRevision", 0);
    if (!base.ok()) return base.status();
    Result<std::string> format = RequireString(request, "format");
    if (!format.ok()) return format.status();
    Result<bool> dryRun = OptionalBool(request, "dryRun");
    if (!dryRun.ok()) return dryRun.status();
    importers::ImportReport report;
    Result<json> patch = Status::Internal("unset");
    if (*format == "jsonresume") {
      patch = PatchFromJsonResume(request);
    } else if (*format == "linkedin-csv") {
      patch = PatchFromLinkedIn(request, report);
    } else {
      return Status::BadRequest("field 'format' must be \"jsonresume\" or \"linkedin-csv\"");
    }
    if (!patch.ok()) return patch.status();
    Result<std::shared_ptr<const store::Snapshot>> current = ctx.store.LoadShared();
    if (!current.ok()) return current.status();
    if (*format == "jsonresume") {
      if (const auto it = (*current)->doc.find("profile"); it != (*current)->doc.end() && it->is_object()) {
        DropStaleNameParts(*patch, *it);
      }
    }
    Result<json> preview = Preview(*patch, (*current)->doc, report, ctx.store);
    if (!preview.ok()) return preview.status();
    json imported = json::array();
    if (patch->contains("profile") && (*patch)["profile"].is_object()) {
      for (const auto& [key, value] : (*patch)["profile"].items()) imported.push_back(key);
    }
    json result;
    if (*dryRun) {
      // Nothing is written; the preview is of the revision the store is at,
      // and a real import against an older base is refused as any update is.
      if ((*current)->revision != *base)
        return Status::Conflict("the profile is at revision " + std::to_string((*current)->revision) +
                                ", not " + std::to_string(*base));
      result = SnapshotJson(**current);
      result["changed"] = !(*preview)["changes"].empty();
    } else {
      Result<store::Snapshot> snapshot = ctx.store.Update(*base, *patch, store::Source::kImport);
      if (!snapshot.ok()) return snapshot.status();
      result = SnapshotJson(*snapshot);
      // The store makes no revision when nothing changed, and this says so
      // without comparing.
      result["changed"] = snapshot->revision != *base;
    }
    // `imported` names what the file held, changed or not.
    result["imported"] = std::move(imported);
    result["dryRun"] = *dryRun;
    for (auto& [key, value] : preview->items()) result[key] = std::move(value);
    return result;
  }
};

}  // namespace

std::unique_ptr<Command> MakeImport() { return std::make_unique<Import>(); }

}  // namespace oneself::commands
