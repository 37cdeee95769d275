// LinkedIn's data export (Settings > Data privacy > Get a copy of your data):
// Profile.csv, Positions.csv, Education.csv and Certifications.csv,
// recognised by their header rows. Headers as exports have them (public
// exports' CSV samples, seen 2026-12): Education.csv "School Name,Start
// Date,End Date,Notes,Degree Name,Activities"; Certifications.csv
// "Name,Url,Authority,Started On,Finished On,License Number".
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "importers/csv.h"
#include "importers/importers.h"
#include "importers/text_encoding.h"

namespace oneself::importers {
namespace {

using nlohmann::json;

std::string Trim(std::string_view s) {
  auto notSpace = [](unsigned char c) { return !std::isspace(c); };
  auto b = std::find_if(s.begin(), s.end(), notSpace);
  auto e = std::find_if(s.rbegin(), s.rend(), notSpace).base();
  return b < e ? std::string(b, e) : std::string();
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Column positions by header name (trimmed, any case).
class Header {
 public:
  explicit Header(const CsvRow& row) {
    for (const auto& cell : row) names_.push_back(Lower(Trim(cell)));
  }
  std::optional<size_t> Find(std::string_view name) const {
    for (size_t i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return i;
    return std::nullopt;
  }
  bool Has(std::initializer_list<std::string_view> names) const {
    for (auto n : names)
      if (!Find(n)) return false;
    return true;
  }
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
};

std::string Cell(const CsvRow& row, std::optional<size_t> col) {
  return col && *col < row.size() ? Trim(row[*col]) : std::string();
}

// "Jan 2020" -> "2020-01", "2018" -> "2018"; "" stays "". nullopt if neither.
std::optional<std::string> LinkedInDate(const std::string& text) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  auto isYear = [](std::string_view y) {
    return y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (text.empty() || isYear(text)) return text;
  auto space = text.rfind(' ');
  if (space == std::string::npos) return std::nullopt;
  std::string month = Lower(Trim(text.substr(0, space)));
  std::string year = text.substr(space + 1);
  if (!isYear(year) || month.size() < 3) return std::nullopt;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    // "Jan", "January" and "Sept" all name their month.
    if (month.compare(0, 3, kMonths[m]) == 0) {
      std::string out = year + "-";
      if (m < 9) out += '0';
      out += std::to_string(m + 1);
      return out;
    }
  }
  return std::nullopt;
}

// The first http(s) URL in LinkedIn's "Websites" cell, which looks like
// "[PERSONAL:https://a.example,COMPANY:https://b.example]" or a bare URL.
std::string FirstUrl(const std::string& cell) {
  auto at = cell.find("http");
  while (at != std::string::npos) {
    if (cell.compare(at, 7, "http://") == 0 || cell.compare(at, 8, "https://") == 0) {
      auto end = cell.find_first_of(",] \t\r\n", at);
      return cell.substr(at, end == std::string::npos ? std::string::npos : end - at);
    }
    at = cell.find("http", at + 1);
  }
  return {};
}

Status ReadProfile(const Header& header, const std::vector<CsvRow>& rows, std::string_view file,
                   json& profile) {
  if (rows.size() < 2) return Status::BadImport(std::string(file) + " has a header but no profile row");
  const CsvRow& row = rows[1];
  std::string given = Cell(row, header.Find("first name"));
  std::string family = Cell(row, header.Find("last name"));
  if (!given.empty()) profile["name"]["given"] = given;
  if (!family.empty()) profile["name"]["family"] = family;
  std::string full = given.empty() || family.empty() ? given + family : given + " " + family;
  if (!full.empty()) profile["name"]["full"] = full;
  auto set = [&](std::string_view column, const char* key) {
    std::string v = Cell(row, header.Find(column));
    if (!v.empty()) profile[key] = v;
  };
  set("headline", "headline");
  std::string summary = Cell(row, header.Find("summary"));
  if (!summary.empty()) profile["bio"]["about"] = summary;
  std::string geo = Cell(row, header.Find("geo location"));
  if (!geo.empty()) profile["location"]["display"] = geo;
  std::string website = FirstUrl(Cell(row, header.Find("websites")));
  if (!website.empty()) profile["website"] = website;
  return Status::Ok();
}

Status ReadPositions(const Header& header, const std::vector<CsvRow>& rows, std::string_view file,
                     json& profile) {
  // The list replaces the work history: a file without positions (a
  // profile that had none when exported, a file cut short) would empty it.
  if (rows.size() < 2) {
    return Status::BadImport(std::string(file) +
                             " has a header but no position rows; importing it would empty your work history");
  }
  json work = json::array();
  auto company = header.Find("company name");
  auto title = header.Find("title");
  auto started = header.Find("started on");
  auto finished = header.Find("finished on");
  for (size_t r = 1; r < rows.size(); ++r) {
    json position = json::object();
    std::string e = Cell(rows[r], company), t = Cell(rows[r], title);
    if (!e.empty()) position["employer"] = e;
    if (!t.empty()) position["title"] = t;
    for (auto [col, key, name] : {std::tuple{started, "start", "Started On"},
                                  std::tuple{finished, "end", "Finished On"}}) {
      std::string raw = Cell(rows[r], col);
      auto date = LinkedInDate(raw);
      if (!date)
        return Status::BadImport(std::string(file) + " row " + std::to_string(r + 1) + ": " + name +
                                 " \"" + raw + "\" is not a date like \"Jan 2020\" or \"2018\"");
      if (!date->empty()) position[key] = *date;
    }
    if (!position.empty()) work.push_back(std::move(position));
  }
  // LinkedIn lists positions newest first, as the store does; the whole list
  // replaces the work history (arrays replace wholly in a merge patch).
  profile["work"] = std::move(work);
  return Status::Ok();
}

// Education.csv: one entry per row, kept as JSON Resume keeps education.
// LinkedIn writes the degree and the field in one "Degree Name" cell
// ("BSc, Physics"); it goes to studyType whole, as LinkedIn shows it.
Status ReadEducation(const Header& header, const std::vector<CsvRow>& rows, std::string_view file,
                     json& profile) {
  json list = json::array();
  for (size_t r = 1; r < rows.size(); ++r) {
    json entry = json::object();
    for (auto [column, key] : {std::pair{"school name", "institution"}, std::pair{"degree name", "studyType"}}) {
      std::string v = Cell(rows[r], header.Find(column));
      if (!v.empty()) entry[key] = v;
    }
    for (auto [column, key, name] : {std::tuple{"start date", "startDate", "Start Date"},
                                     std::tuple{"end date", "endDate", "End Date"}}) {
      std::string raw = Cell(rows[r], header.Find(column));
      auto date = LinkedInDate(raw);
      if (!date)
        return Status::BadImport(std::string(file) + " row " + std::to_string(r + 1) + ": " + name + " \"" + raw +
                                 "\" is not a date like \"2018\" or \"Sep 2018\"");
      if (!date->empty()) entry[key] = *date;
    }
    if (!entry.empty()) list.push_back(std::move(entry));
  }
  profile["education"] = std::move(list);
  return Status::Ok();
}

// Certifications.csv: Name, Authority (the issuer), Url, Started On (the date
// it was issued).
Status ReadCertifications(const Header& header, const std::vector<CsvRow>& rows, std::string_view file,
                          json& profile) {
  json list = json::array();
  for (size_t r = 1; r < rows.size(); ++r) {
    json entry = json::object();
    for (auto [column, key] : {std::pair{"name", "name"}, std::pair{"authority", "issuer"}, std::pair{"url", "url"}}) {
      std::string v = Cell(rows[r], header.Find(column));
      if (!v.empty()) entry[key] = v;
    }
    std::string raw = Cell(rows[r], header.Find("started on"));
    auto date = LinkedInDate(raw);
    if (!date)
      return Status::BadImport(std::string(file) + " row " + std::to_string(r + 1) + ": Started On \"" + raw +
                               "\" is not a date like \"Jan 2020\" or \"2018\"");
    if (!date->empty()) entry["date"] = *date;
    if (!entry.empty()) list.push_back(std::move(entry));
  }
  profile["certificates"] = std::move(list);
  return Status::Ok();
}

enum class Kind { kOther, kProfile, kPositions, kEducation, kCertifications };

Kind KindOf(const Header& header) {
  if (header.Has({"first name", "last name", "headline"})) return Kind::kProfile;
  if (header.Has({"company name", "title", "started on"})) return Kind::kPositions;
  if (header.Has({"school name", "degree name", "start date"})) return Kind::kEducation;
  if (header.Has({"name", "authority", "started on"})) return Kind::kCertifications;
  return Kind::kOther;
}

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kProfile: return "Profile.csv";
    case Kind::kPositions: return "Positions.csv";
    case Kind::kEducation: return "Education.csv";
    case Kind::kCertifications: return "Certifications.csv";
    case Kind::kOther: break;
  }
  return "an import file";
}

Status CheckWidths(const Header& header, const std::vector<CsvRow>& rows, std::string_view file) {
  for (size_t r = 1; r < rows.size(); ++r) {
    for (size_t c = header.size(); c < rows[r].size(); ++c)
      if (!Trim(rows[r][c]).empty())
        return Status::BadImport(std::string(file) + " row " + std::to_string(r + 1) + " has " +
                                 std::to_string(rows[r].size()) + " columns, the header has " +
                                 std::to_string(header.size()));
  }
  return Status::Ok();
}

}  // namespace

Result<json> ImportLinkedInCsv(const std::vector<ImportFile>& files, bool skipUnknown, ImportReport* report) {
  if (files.empty()) return Status::BadImport("no LinkedIn export files were given");
  json profile = json::object();
  for (const ImportFile& file : files) {
    // Messages name the file; a file given without a name is named by its kind.
    auto named = [&](std::string_view kind) { return file.name.empty() ? std::string(kind) : std::string(file.name); };
    auto withName = [&](const Status& s) {
      return file.name.empty() ? s : Status::BadImport(std::string(file.name) + ": " + s.message());
    };
    auto passOver = [&]() {
      if (report) report->skipped.emplace_back(file.name.empty() ? "(a file without a name)" : file.name);
    };
    // Not UTF-8: read as Windows-1252, what a spreadsheet on Windows saves.
    std::string_view text = file.text;
    std::string converted;
    Status conversion;
    std::string_view body = text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
    if (!IsValidUtf8(body)) {
      Result<std::string> utf8 = Windows1252ToUtf8(body, named("the file"));
      if (utf8.ok()) {
        converted = std::move(*utf8);
        text = converted;
      } else {
        conversion = utf8.status();
      }
    }
    CsvLimits limits;
    Result<CsvRow> first = ParseCsvHeader(text, limits);
    if (first.ok() && first->empty()) {
      if (skipUnknown) {
        passOver();
        continue;
      }
      return Status::BadImport(named("an import file") + " is empty");
    }
    std::optional<Header> header = first.ok() ? std::optional<Header>(Header(*first)) : std::nullopt;
    Kind kind = header ? KindOf(*header) : Kind::kOther;
    // A spreadsheet set to a language with decimal commas separates cells
    // with ';'. The header row says which, and such a file is read as it is.
    bool semicolons = false;
    if (kind == Kind::kOther && header && first->size() == 1 && first->front().find(';') != std::string::npos) {
      limits.separator = ';';
      Result<CsvRow> again = ParseCsvHeader(text, limits);
      if (again.ok() && KindOf(Header(*again)) != Kind::kOther) {
        first = std::move(again);
        header.emplace(*first);
        kind = KindOf(*header);
        semicolons = true;
      } else {
        limits.separator = ',';
      }
    }
    if (kind == Kind::kOther) {
      if (skipUnknown) {
        passOver();
        continue;
      }
      if (!conversion.ok()) return conversion;
      return withName(Status::BadImport(
          "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv: " +
          (first.ok() ? std::string("the header row does not have the expected columns (First Name, Last Name, "
                                    "Headline; Company Name, Title, Started On; School Name, Degree Name, Start "
                                    "Date; or Name, Authority, Started On)")
                      : first.status().message()) +
          (converted.empty() ? "" : " (and the file is not UTF-8 text)")));
    }
    if (!conversion.ok()) return conversion;
    const std::string name = named(KindName(kind));
    if (report && !converted.empty())
      report->notes.push_back(name + " is not UTF-8; it was read as Windows-1252 (" + FirstInvalidUtf8(body) +
                              " is the first such character)");
    if (report && semicolons)
      report->notes.push_back(name + " separates its cells with ';' rather than ','; it was read that way");
    auto rows = ParseCsv(text, limits);
    if (!rows.ok()) return withName(rows.status());
    Status s = CheckWidths(*header, *rows, name);
    if (s.ok()) {
      switch (kind) {
        case Kind::kProfile: s = ReadProfile(*header, *rows, name, profile); break;
        case Kind::kPositions: s = ReadPositions(*header, *rows, name, profile); break;
        case Kind::kEducation: s = ReadEducation(*header, *rows, name, profile); break;
        case Kind::kCertifications: s = ReadCertifications(*header, *rows, name, profile); break;
        case Kind::kOther: break;
      }
    }
    if (!s.ok()) return s;
    if (report) report->read.push_back(name);
  }
  if (profile.empty()) return Status::BadImport("the LinkedIn export files held no profile data");
  return json{{"profile", std::move(profile)}};
}

}  // namespace oneself::importers
