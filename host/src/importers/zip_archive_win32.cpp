// The Windows build has no minizip or zlib (scripts/windows-deps.sh builds
// libcrypto and utf8proc only): LinkedIn's export ZIP is refused with what
// to do instead, and its CSVs, or the folder they unpack to, import as on
// Linux. README.md ("Windows") says so.
#include "importers/zip_archive.h"

namespace oneself::importers {

bool LooksLikeZip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) || bytes.starts_with(std::string_view("PK\x05\x06", 4));
}

Result<ZipContents> ReadZipMembers(std::string_view, std::string_view archiveName,
                                   const std::vector<std::string_view>&, const ZipLimits&) {
  return Status::BadImport(std::string(archiveName) +
                           ": reading a ZIP file is not supported on Windows; unpack it (Explorer: right-click, "
                           "Extract All) and import the folder it unpacks to");
}

}  // namespace oneself::importers
