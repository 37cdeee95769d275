// Fuzz target: the JSON Resume importer (importers::ImportJsonResume) on
// arbitrary text. Oracle: a result is an object whose "profile" is an object
// and which serializes; a failure is bad_import; nothing throws.
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "importers/importers.h"

using namespace oneself;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<nlohmann::json> r = importers::ImportJsonResume(text);
  if (r.ok()) {
    if (!r->is_object() || !r->contains("profile") || !(*r)["profile"].is_object()) __builtin_trap();
    (void)r->dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    // What we import, we can export again.
    nlohmann::json doc = {{"profile", (*r)["profile"]},
                          {"sites", r->value("sites", nlohmann::json::object())},
                          {"previous", nlohmann::json::object()}};
    (void)importers::ExportJsonResume(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } else if (r.status().code() != Code::kBadImport) {
    __builtin_trap();
  }
  return 0;
}
