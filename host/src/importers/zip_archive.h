// LinkedIn's data export as it arrives: one ZIP file. Read with minizip
// (zlib's contrib, as Debian ships it) from bytes in memory, so that nothing
// here touches the file system. Only the members the LinkedIn importer reads
// are decompressed; every other member is named and passed over unread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "oneself/status.h"

namespace oneself::importers {

// Bounds that keep a hostile archive (a ZIP bomb, a forged size, a million
// members) from costing more than a real export does.
struct ZipLimits {
  size_t maxArchiveBytes = 512u * 1024u * 1024u;  // the complete export with its media
  size_t maxEntries = 20'000;
  size_t maxMemberBytes = 8u * 1024u * 1024u;  // one CSV read, as the protocol's request limit
  size_t maxTotalBytes = 8u * 1024u * 1024u;   // all the CSVs read, which go in one request
  // Uncompressed / compressed, checked past the first MiB: text compresses
  // about 10:1, a bomb by a thousand or more.
  uint64_t maxRatio = 200;
};

struct ZipMember {
  std::string name;  // as stored in the archive ("Profile.csv")
  std::string text;  // its bytes, decompressed and CRC-checked
};

struct ZipContents {
  std::vector<ZipMember> read;       // the members `wanted` named
  std::vector<std::string> skipped;  // every other member's name
};

bool LooksLikeZip(std::string_view bytes);  // starts with "PK\3\4" (or is an empty archive)

// The members of `archive` whose file name (after the last '/', in any case)
// is one of `wanted`; `archiveName` names the file in messages. kBadImport
// for what is not a ZIP file, an encrypted or damaged member, a member named
// twice, or a limit passed, saying which and how to go on.
Result<ZipContents> ReadZipMembers(std::string_view archive, std::string_view archiveName,
                                   const std::vector<std::string_view>& wanted, const ZipLimits& limits = {});

}  // namespace oneself::importers
