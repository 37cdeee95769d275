// LinkedIn's data export (Settings > Data privacy > Get a copy of your data):
// Profile.csv and Positions.csv, recognised by their header rows.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "importers/csv.h"
#include "importers/importers.h"

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

Result<json> ImportLinkedInCsv(const std::vector<ImportFile>& files, bool skipUnknown) {
  if (files.empty()) return Status::BadImport("no LinkedIn export files were given");
  json profile = json::object();
  for (const ImportFile& file : files) {
    // Messages name the file; a file given without a name is named by its kind.
    auto named = [&](std::string_view kind) { return file.name.empty() ? std::string(kind) : std::string(file.name); };
    auto withName = [&](const Status& s) {
      return file.name.empty() ? s : Status::BadImport(std::string(file.name) + ": " + s.message());
    };
    Result<CsvRow> first = ParseCsvHeader(file.text);
    if (first.ok() && first->empty()) {
      if (skipUnknown) continue;
      return Status::BadImport(named("an import file") + " is empty");
    }
    const std::optional<Header> header = first.ok() ? std::optional<Header>(Header(*first)) : std::nullopt;
    const bool isProfile = header && header->Has({"first name", "last name", "headline"});
    const bool isPositions = header && !isProfile && header->Has({"company name", "title", "started on"});
    if (!isProfile && !isPositions) {
      if (skipUnknown) continue;
      return withName(Status::BadImport(
          "not a LinkedIn Profile.csv or Positions.csv: " +
          (first.ok() ? std::string("the header row does not have the expected columns (First Name, Last Name, "
                                    "Headline or Company Name, Title, Started On)")
                      : first.status().message())));
    }
    auto rows = ParseCsv(file.text);
    if (!rows.ok()) return withName(rows.status());
    const std::string name = named(isProfile ? "Profile.csv" : "Positions.csv");
    Status s = CheckWidths(*header, *rows, name);
    if (s.ok()) s = isProfile ? ReadProfile(*header, *rows, name, profile) : ReadPositions(*header, *rows, name, profile);
    if (!s.ok()) return s;
  }
  if (profile.empty()) return Status::BadImport("the LinkedIn export files held no profile data");
  return json{{"profile", std::move(profile)}};
}

}  // namespace oneself::importers
