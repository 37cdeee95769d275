// The CSVs of LinkedIn's data export for the tests, apart from the ZIP
// builder (zip_builder.h) so that tests of the CSVs alone need no zlib (the
// Windows build has none).
#pragma once

namespace ziptest {

// LinkedIn's export, shaped as LinkedIn sends it (member names and header
// rows as public exports have them, 2026-12), with fictional data.
inline const char* const kProfileCsv =
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,"
    "Twitter Handles,Websites,Instant Messengers\r\n"
    "Ada,Whitfield,,,,Principal Engineer at Lumen Labs,Builds quiet systems.,Software Development,,"
    "\"Boston, Massachusetts, United States\",,[PERSONAL:https://ada.example],\r\n";
inline const char* const kPositionsCsv =
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    "Lumen Labs,Principal Engineer,,Boston,Mar 2021,\r\n"
    "Harbor Analytics,Software Engineer,,Boston,Jun 2016,Feb 2021\r\n";
inline const char* const kEducationCsv =
    "School Name,Start Date,End Date,Notes,Degree Name,Activities\r\n"
    "Northfield University,2012,2016,,\"BSc, Computer Science\",Chess club\r\n";
inline const char* const kCertificationsCsv =
    "Name,Url,Authority,Started On,Finished On,License Number\r\n"
    "Certified Cloud Practitioner,https://certs.example/ada,Cloud Guild,May 2023,,CG-1234\r\n";

}  // namespace ziptest
