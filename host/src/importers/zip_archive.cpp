#include "importers/zip_archive.h"

#include <unzip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace oneself::importers {
namespace {

// minizip's file functions over a buffer in memory.
struct Buffer {
  std::string_view bytes;
  uint64_t at = 0;
};

voidpf ZCALLBACK Open(voidpf opaque, const void* /*filename*/, int /*mode*/) { return opaque; }

uLong ZCALLBACK Read(voidpf /*opaque*/, voidpf stream, void* out, uLong size) {
  auto* b = static_cast<Buffer*>(stream);
  const uint64_t left = b->at < b->bytes.size() ? b->bytes.size() - b->at : 0;
  const uLong n = static_cast<uLong>(std::min<uint64_t>(size, left));
  std::memcpy(out, b->bytes.data() + b->at, n);
  b->at += n;
  return n;
}

uLong ZCALLBACK Write(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK Tell(voidpf /*opaque*/, voidpf stream) { return static_cast<Buffer*>(stream)->at; }

long ZCALLBACK Seek(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* b = static_cast<Buffer*>(stream);
  uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                  : origin == ZLIB_FILEFUNC_SEEK_CUR ? b->at
                                                     : b->bytes.size();
  if (offset > b->bytes.size() || base + offset > b->bytes.size()) return -1;
  b->at = base + offset;
  return 0;
}

int ZCALLBACK Close(voidpf, voidpf) { return 0; }
int ZCALLBACK Error(voidpf, voidpf) { return 0; }

struct Closer {
  void operator()(void* zip) const { unzClose(zip); }
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string BaseName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string MiB(uint64_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

Result<ZipContents> ReadZipMembers(std::string_view archive, std::string_view archiveName,
                                   const std::vector<std::string_view>& wanted, const ZipLimits& limits) {
  const std::string name(archiveName);
  auto bad = [&](const std::string& what) { return Status::BadImport(name + ": " + what); };
  if (archive.size() > limits.maxArchiveBytes)
    return bad("the archive is larger than " + MiB(limits.maxArchiveBytes) +
               "; LinkedIn's export is far smaller: unpack it and import its Profile.csv and Positions.csv");

  Buffer buffer{archive};
  zlib_filefunc64_def functions{};
  functions.zopen64_file = Open;
  functions.zread_file = Read;
  functions.zwrite_file = Write;
  functions.ztell64_file = Tell;
  functions.zseek64_file = Seek;
  functions.zclose_file = Close;
  functions.zerror_file = Error;
  functions.opaque = &buffer;
  std::unique_ptr<void, Closer> zip(unzOpen2_64("", &functions));
  if (!zip) return bad("not a ZIP archive that can be read (no central directory: the download may be cut short)");

  unz_global_info64 global{};
  if (unzGetGlobalInfo64(zip.get(), &global) != UNZ_OK) return bad("the ZIP archive's directory cannot be read");
  if (global.number_entry > limits.maxEntries)
    return bad("the archive holds " + std::to_string(global.number_entry) + " members, more than the " +
               std::to_string(limits.maxEntries) + " an export has; it is not LinkedIn's data export");

  std::vector<std::string> want;
  for (auto w : wanted) want.push_back(Lower(w));
  ZipContents out;
  size_t total = 0, seen = 0;
  for (int at = unzGoToFirstFile(zip.get()); at == UNZ_OK; at = unzGoToNextFile(zip.get())) {
    if (++seen > limits.maxEntries)
      return bad("the archive holds more than " + std::to_string(limits.maxEntries) + " members");
    unz_file_info64 info{};
    char raw[1024];
    if (unzGetCurrentFileInfo64(zip.get(), &info, raw, sizeof raw, nullptr, 0, nullptr, 0) != UNZ_OK)
      return bad("member " + std::to_string(seen) + " of the archive cannot be read: the archive is damaged");
    const std::string member(raw, strnlen(raw, sizeof raw));
    const std::string base = Lower(BaseName(member));
    if (base.empty() || std::find(want.begin(), want.end(), base) == want.end()) {
      if (!base.empty()) out.skipped.push_back(member);  // folders are not named
      continue;
    }
    for (const ZipMember& earlier : out.read)
      if (Lower(BaseName(earlier.name)) == base)
        return bad("the archive holds two files named " + BaseName(member) + " (" + earlier.name + " and " +
                   member + "); import the one you mean on its own");
    if (info.flag & 1u) return bad(member + " is encrypted; oneself reads LinkedIn's export as LinkedIn sends it");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
      return bad(member + " is compressed with method " + std::to_string(info.compression_method) +
                 ", which oneself does not read (LinkedIn uses deflate); unpack the archive and import the CSV");
    if (info.uncompressed_size > limits.maxMemberBytes)
      return bad(member + " is " + MiB(info.uncompressed_size) + " unpacked, more than the " +
                 MiB(limits.maxMemberBytes) + " oneself reads from one file");
    if (unzOpenCurrentFile(zip.get()) != UNZ_OK) return bad(member + " cannot be opened: the archive is damaged");
    std::string text;
    char chunk[65536];
    Status failed;
    for (;;) {
      const int n = unzReadCurrentFile(zip.get(), chunk, sizeof chunk);
      if (n < 0) {
        failed = bad(member + " cannot be unpacked: the archive is damaged (download it again)");
        break;
      }
      if (n == 0) break;
      text.append(chunk, static_cast<size_t>(n));
      // The sizes in the archive are the sender's word. minizip unpacks no
      // more than the header says (and the CRC then catches a lie), but the
      // bytes are counted here all the same.
      if (text.size() > limits.maxMemberBytes || total + text.size() > limits.maxTotalBytes) {
        failed = bad(member + " unpacks to more than its archive said, or than the " + MiB(limits.maxTotalBytes) +
                     " oneself reads from an export: refused as a ZIP bomb");
        break;
      }
      if (text.size() > 1024 * 1024 && text.size() / std::max<uint64_t>(info.compressed_size, 1) > limits.maxRatio) {
        failed = bad(member + " unpacks to over " + std::to_string(limits.maxRatio) +
                     " times its packed size: refused as a ZIP bomb");
        break;
      }
    }
    const int closed = unzCloseCurrentFile(zip.get());
    if (!failed.ok()) return failed;
    if (closed == UNZ_CRCERROR) return bad(member + " fails its checksum: the archive is damaged (download it again)");
    if (closed != UNZ_OK) return bad(member + " cannot be unpacked: the archive is damaged (download it again)");
    total += text.size();
    out.read.push_back({member, std::move(text)});
  }
  if (seen != global.number_entry)
    return bad("the archive's directory lists " + std::to_string(global.number_entry) + " members but " +
               std::to_string(seen) + " can be read: it is damaged or cut short (download it again)");
  return out;
}

}  // namespace oneself::importers
