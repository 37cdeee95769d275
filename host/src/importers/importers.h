// Importers and the exporter: pure functions between outside formats and the
// store's update patch ({"profile": {...}, "sites"?: {...}}, docs/store.md).
// No I/O: callers read the files and hand over their bytes; the patch goes to
// store::Store::Update, which validates it. Mappings: docs/store.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::importers {

// A JSON Resume document (schema v1.0.0, the current one; the older
// "company"/"website" keys too) as text: basics, work, education and
// certificates. Other sections are ignored; a document with nothing oneself
// keeps is kBadImport saying what it does keep; our own
// "x-oneself" key (written by ExportJsonResume) is read back. kBadImport if the text is not JSON or the
// JSON is not a resume, with a message that says which.
Result<nlohmann::json> ImportJsonResume(std::string_view text);
Result<nlohmann::json> ImportJsonResume(const nlohmann::json& resume);

// One file of an import: its name (for messages; may be empty) and text.
struct ImportFile {
  std::string_view name;
  std::string_view text;
};

// What an import read, passed over and had to guess, for the person to see.
struct ImportReport {
  std::vector<std::string> read;     // files read, by name
  std::vector<std::string> skipped;  // files passed over, by name
  std::vector<std::string> notes;    // how a file that was almost right was read
};

// The contents of files from LinkedIn's data export, each recognised by its
// header row (Profile.csv, Positions.csv, Education.csv, Certifications.csv;
// others are kBadImport unless `skipUnknown`, and then passed over whatever
// the rest of them holds, and named in `report`). UTF-8 BOM, CRLF, quoted
// multi-line cells and doubled quotes are handled; a file in Windows-1252
// or separated by ';' is read, and `report` says so; an unterminated quote
// or an absurd column count is kBadImport, with the file's name.
Result<nlohmann::json> ImportLinkedInCsv(const std::vector<ImportFile>& files, bool skipUnknown = false,
                                         ImportReport* report = nullptr);

// The store document (Snapshot::doc) as a JSON Resume document (schema v1.0.0): `basics`
// and `work`, and everything JSON Resume has no place for under "x-oneself".
// ImportJsonResume(ExportJsonResume(doc)) gives back doc's profile and sites.
nlohmann::json ExportJsonResume(const nlohmann::json& doc);

}  // namespace oneself::importers
