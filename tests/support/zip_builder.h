// Builds ZIP files for the tests, byte by byte (PKWARE APPNOTE.TXT 4.3), so
// that a test can make both a well-formed export and a hostile one: members
// stored or deflated with zlib, and the fields a hostile archive lies in
// (sizes, flags, method, member count) set to what the test says.
#pragma once

#include <zlib.h>

#include "linkedin_export_csvs.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ziptest {

struct Member {
  std::string name;
  std::string data;  // uncompressed
  bool deflate = true;
  // Overrides of what the headers say (-1: the truth).
  int64_t sayUncompressed = -1;
  int flags = 0;      // bit 0: encrypted
  int method = -1;    // -1: 8 (deflate) or 0 (stored)
  bool badCrc = false;
};

inline void Put16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void Put32(std::string& out, uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}

inline std::string RawDeflate(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// The whole archive.
inline std::string Build(const std::vector<Member>& members) {
  std::string out, central;
  for (const Member& m : members) {
    const std::string packed = m.deflate ? RawDeflate(m.data) : m.data;
    uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(m.data.data()), static_cast<uInt>(m.data.size())));
    if (m.badCrc) crc ^= 0xFFFFFFFFu;
    const uint32_t method = m.method >= 0 ? static_cast<uint32_t>(m.method) : (m.deflate ? 8u : 0u);
    const uint32_t size = m.sayUncompressed >= 0 ? static_cast<uint32_t>(m.sayUncompressed)
                                                 : static_cast<uint32_t>(m.data.size());
    const uint32_t offset = static_cast<uint32_t>(out.size());
    auto common = [&](std::string& h) {
      Put16(h, 20);  // version needed
      Put16(h, static_cast<uint32_t>(m.flags));
      Put16(h, method);
      Put16(h, 0);
      Put16(h, 0x21);  // 1980-01-01
      Put32(h, crc);
      Put32(h, static_cast<uint32_t>(packed.size()));
      Put32(h, size);
      Put16(h, static_cast<uint32_t>(m.name.size()));
      Put16(h, 0);  // extra
    };
    Put32(out, 0x04034b50);
    common(out);
    out += m.name;
    out += packed;
    Put32(central, 0x02014b50);
    Put16(central, 20);  // version made by
    common(central);
    Put16(central, 0);  // comment
    Put16(central, 0);  // disk
    Put16(central, 0);  // internal attributes
    Put32(central, 0);  // external attributes
    Put32(central, offset);
    central += m.name;
  }
  const uint32_t cdOffset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(out, 0x06054b50);
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<uint32_t>(members.size()));
  Put16(out, static_cast<uint32_t>(members.size()));
  Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, cdOffset);
  Put16(out, 0);
  return out;
}

// The "Basic" archive's other members (a few), and the complete archive's
// bulk: a messages.csv of `messageRows` rows.
inline std::vector<Member> LinkedInExport(size_t messageRows = 0) {
  std::vector<Member> m = {
      {"Connections.csv", "Notes:\r\n\"When exporting your connection data...\"\r\n\r\nFirst Name,Last Name,URL,Email "
                          "Address,Company,Position,Connected On\r\nBo,Lind,https://www.linkedin.com/in/bo-example,,"
                          "Harbor Analytics,Analyst,01 Mar 2020\r\n"},
      {"Email Addresses.csv", "Email Address,Confirmed,Primary,Updated On\r\nada@example.com,Yes,Yes,\r\n"},
      {"Profile.csv", kProfileCsv},
      {"Positions.csv", kPositionsCsv},
      {"Education.csv", kEducationCsv},
      {"Certifications.csv", kCertificationsCsv},
      {"Skills.csv", "Name\r\nDistributed systems\r\n"},
      {"Jobs/Saved Jobs.csv", "Saved Date,Job Url,Job Title,Company Name\r\n"},
  };
  if (messageRows > 0) {
    std::string messages = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\r\n";
    for (size_t i = 0; i < messageRows; ++i)
      messages += "2-" + std::to_string(i) + ",,Bo Lind,https://www.linkedin.com/in/bo-example,Ada Whitfield,"
                  "2024-01-01 10:00:00 UTC,,\"Hello again, message number " + std::to_string(i) + "\",INBOX\r\n";
    m.push_back({"messages.csv", std::move(messages)});
  }
  return m;
}

}  // namespace ziptest
