#include "cli/field_paths.h"

#include <algorithm>
#include <array>

#include "sites/site_table.h"

namespace oneself::cli {
namespace {

// Keep in step with store/document.cpp.
constexpr std::array<FieldPath, 33> kFields{{
    {"name", Shape::kObject, R"(oneself set name '{"full": "Ada Lovelace"}' (or one part: oneself set name.full "Ada Lovelace"))"},
    {"name.full", Shape::kText, ""},
    {"name.given", Shape::kText, ""},
    {"name.family", Shape::kText, ""},
    {"name.nicknames", Shape::kList, R"(oneself set name.nicknames '["Addie"]')"},
    {"headline", Shape::kText, ""},
    {"email", Shape::kText, ""},
    {"website", Shape::kText, ""},
    {"bio", Shape::kObject, R"(oneself set bio '{"short": "I build calm tools."}' (or one part: oneself set bio.short "I build calm tools."))"},
    {"bio.short", Shape::kText, ""},
    {"bio.medium", Shape::kText, ""},
    {"bio.long", Shape::kText, ""},
    {"bio.about", Shape::kText, ""},
    {"location", Shape::kObject, R"(oneself set location '{"city": "Boston", "countryCode": "US"}' (or one part: oneself set location.city Boston))"},
    {"location.display", Shape::kText, ""},
    {"location.city", Shape::kText, ""},
    {"location.region", Shape::kText, ""},
    {"location.countryCode", Shape::kText, ""},
    {"links", Shape::kList, R"(oneself set links '[{"label": "Blog", "url": "https://ada.example.com/blog"}]')"},
    {"links.label", Shape::kListItem, ""},
    {"links.url", Shape::kListItem, ""},
    {"profiles", Shape::kList, R"(oneself set profiles '[{"network": "GitHub", "username": "ada", "url": "https://github.com/ada"}]')"},
    {"profiles.network", Shape::kListItem, ""},
    {"profiles.username", Shape::kListItem, ""},
    {"profiles.url", Shape::kListItem, ""},
    {"work", Shape::kList, R"(oneself set work '[{"employer": "Lumen Labs", "title": "Staff Software Engineer", "start": "2021-03"}]')"},
    {"work.employer", Shape::kListItem, ""},
    {"work.title", Shape::kListItem, ""},
    {"work.start", Shape::kListItem, ""},
    {"work.end", Shape::kListItem, ""},
    {"photo", Shape::kObject, "oneself photo set FILE"},
    {"photo.sha256", Shape::kText, ""},
    {"photo.phash", Shape::kText, ""},
}};

constexpr std::array<std::string_view, 3> kSiteSettings{"policy", "overrides", "ignores"};

bool IsIndex(const std::string& part) {
  return !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<FieldPath> AllFields() { return {kFields.begin(), kFields.end()}; }

const FieldPath* FindField(const std::vector<std::string>& parts) {
  std::string path;
  for (const std::string& part : parts) {
    if (IsIndex(part)) continue;  // an item of the list before it
    path += (path.empty() ? "" : ".") + part;
  }
  for (const FieldPath& f : kFields) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

std::string Nearest(std::string_view name, const std::vector<std::string>& known) {
  std::string best;
  size_t bestDistance = 3;  // at most two edits
  for (const std::string& k : known) {
    const size_t d = EditDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

std::string DidYouMean(const std::string& path) {
  std::vector<std::string> known;
  for (const FieldPath& f : kFields) {
    if (f.shape != Shape::kListItem) known.emplace_back(f.path);
  }
  for (const sites::Site& site : sites::AllSites()) {
    for (std::string_view setting : kSiteSettings) {
      known.push_back("sites." + std::string(site.id) + "." + std::string(setting));
    }
  }
  const std::string best = Nearest(path, known);
  return best.empty() ? "" : "; did you mean " + best + "?";
}

bool IsSiteSetting(const std::vector<std::string>& parts) {
  if (parts.size() < 3 || parts[0] != "sites") return false;
  bool site = false;
  for (const sites::Site& s : sites::AllSites()) site = site || s.id == parts[1];
  if (!site) return false;
  if (parts[2] == "overrides") return parts.size() <= 4;
  return parts.size() == 3 &&
         std::find(kSiteSettings.begin(), kSiteSettings.end(), parts[2]) != kSiteSettings.end();
}

}  // namespace oneself::cli
