// Fuzz target: the LinkedIn export importer and its CSV reader on arbitrary
// bytes. The input is cut into up to three "files" at each "\n\f\n" so that
// Profile.csv and Positions.csv arrive together as the CLI hands them over.
// Oracle: ParseCsv's rows respect its limits; a result is an object; a
// failure is bad_import; nothing throws.
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "importers/csv.h"
#include "importers/importers.h"

using namespace oneself;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> files;
  while (files.size() < 2) {
    size_t cut = all.find("\n\f\n");
    if (cut == std::string_view::npos) break;
    files.push_back(all.substr(0, cut));
    all.remove_prefix(cut + 3);
  }
  files.push_back(all);

  importers::CsvLimits small{8, 64, 1024};
  auto rows = importers::ParseCsv(files[0], small);
  if (rows.ok()) {
    if (rows->size() > small.maxRows) __builtin_trap();
    for (const auto& row : *rows) {
      if (row.size() > small.maxColumns) __builtin_trap();
      for (const auto& cell : row) {
        if (cell.size() > small.maxCellBytes) __builtin_trap();
      }
    }
  } else if (rows.status().code() != Code::kBadImport) {
    __builtin_trap();
  }

  for (bool skipUnknown : {false, true}) {
    std::vector<importers::ImportFile> named;
    for (std::string_view text : files) named.push_back({"Fuzzed.csv", text});
    Result<nlohmann::json> r = importers::ImportLinkedInCsv(named, skipUnknown);
    if (r.ok()) {
      if (!r->is_object()) __builtin_trap();
      (void)r->dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    } else if (r.status().code() != Code::kBadImport) {
      __builtin_trap();
    }
  }
  return 0;
}
