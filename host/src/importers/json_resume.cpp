// JSON Resume (https://jsonresume.org/schema, v1.0.0 and older keys) -> store update patch.
#include <algorithm>

#include "importers/csv.h"
#include "importers/importers.h"
#include "json/parse.h"
#include "protocol/limits.h"

namespace oneself::importers {
namespace {

using nlohmann::json;

constexpr size_t kMaxResumeBytes = 8 * 1024 * 1024;  // the protocol's frame limit

Status WrongType(const std::string& field, std::string_view want) {
  return Status::BadImport("not a valid JSON Resume: " + field + " must be " + std::string(want));
}

// Copies resume[from] (a string) to out[to] unless absent or empty.
Status CopyString(const json& from, std::string_view key, const std::string& where, json& out,
                  std::string_view to) {
  auto it = from.find(key);
  if (it == from.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return WrongType(where + "." + std::string(key), "a string");
  if (!it->get_ref<const std::string&>().empty()) out[std::string(to)] = *it;
  return Status::Ok();
}

// YYYY, YYYY-MM or YYYY-MM-DD (the schema's iso8601 pattern); a time of day
// after the date, seen in the wild, is dropped.
std::optional<std::string> ResumeDate(const std::string& s) {
  std::string d = s.size() > 10 && s[10] == 'T' ? s.substr(0, 10) : s;
  auto digits = [&](size_t from, size_t n) {
    return std::all_of(d.begin() + static_cast<std::ptrdiff_t>(from),
                       d.begin() + static_cast<std::ptrdiff_t>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return std::nullopt;
  if (!digits(0, 4)) return std::nullopt;
  if (d.size() >= 7 && (d[4] != '-' || !digits(5, 2))) return std::nullopt;
  if (d.size() == 10 && (d[7] != '-' || !digits(8, 2))) return std::nullopt;
  return d;
}

Status ReadLocation(const json& loc, json& profile) {
  if (!loc.is_object()) return WrongType("basics.location", "an object");
  json out = json::object();
  for (const char* key : {"city", "region", "countryCode"}) {
    Status s = CopyString(loc, key, "basics.location", out, key);
    if (!s.ok()) return s;
  }
  std::string display;
  for (const char* key : {"city", "region"}) {
    if (!out.contains(key)) continue;
    if (!display.empty()) display += ", ";
    display += out[key].get<std::string>();
  }
  if (!display.empty()) out["display"] = display;
  if (!out.empty()) profile["location"] = std::move(out);
  return Status::Ok();
}

Status ReadProfiles(const json& list, json& profile) {
  if (!list.is_array()) return WrongType("basics.profiles", "an array");
  json out = json::array();
  for (size_t i = 0; i < list.size(); ++i) {
    std::string where = "basics.profiles[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return WrongType(where, "an object");
    json p = json::object();
    for (const char* key : {"network", "username", "url"}) {
      Status s = CopyString(list[i], key, where, p, key);
      if (!s.ok()) return s;
    }
    if (!p.empty()) out.push_back(std::move(p));
  }
  profile["profiles"] = std::move(out);
  return Status::Ok();
}

Status ReadBasics(const json& basics, json& profile) {
  if (!basics.is_object()) return WrongType("basics", "an object");
  json name = json::object();
  Status s = CopyString(basics, "name", "basics", name, "full");
  if (s.ok() && !name.empty()) profile["name"] = std::move(name);
  if (s.ok()) s = CopyString(basics, "label", "basics", profile, "headline");
  if (s.ok()) s = CopyString(basics, "email", "basics", profile, "email");
  // "website" is the pre-1.0 name of "url".
  if (s.ok()) s = CopyString(basics, "website", "basics", profile, "website");
  if (s.ok()) s = CopyString(basics, "url", "basics", profile, "website");
  json bio = json::object();
  if (s.ok()) s = CopyString(basics, "summary", "basics", bio, "about");
  if (s.ok() && !bio.empty()) profile["bio"] = std::move(bio);
  if (s.ok() && basics.contains("location") && !basics["location"].is_null())
    s = ReadLocation(basics["location"], profile);
  if (s.ok() && basics.contains("profiles") && !basics["profiles"].is_null())
    s = ReadProfiles(basics["profiles"], profile);
  return s;
}

Status ReadWork(const json& work, json& profile) {
  if (!work.is_array()) return WrongType("work", "an array");
  json out = json::array();
  for (size_t i = 0; i < work.size(); ++i) {
    std::string where = "work[" + std::to_string(i) + "]";
    const json& w = work[i];
    if (!w.is_object()) return WrongType(where, "an object");
    json p = json::object();
    // "company" is the pre-1.0 name of "name".
    Status s = CopyString(w, "company", where, p, "employer");
    if (s.ok()) s = CopyString(w, "name", where, p, "employer");
    if (s.ok()) s = CopyString(w, "position", where, p, "title");
    for (auto [from, to] : {std::pair{"startDate", "start"}, std::pair{"endDate", "end"}}) {
      if (!s.ok()) break;
      json date = json::object();
      s = CopyString(w, from, where, date, "d");
      if (!s.ok() || date.empty()) continue;
      auto d = ResumeDate(date["d"].get<std::string>());
      if (!d) return WrongType(where + "." + from, "a date YYYY, YYYY-MM or YYYY-MM-DD");
      p[to] = *d;
    }
    if (!s.ok()) return s;
    if (!p.empty()) out.push_back(std::move(p));
  }
  profile["work"] = std::move(out);
  return Status::Ok();
}

// A list section kept under the same name and keys as in JSON Resume
// (education, certificates): `textKeys` copied as they are, `dateKeys` as
// dates. Entries with none of the keys are left out.
Status ReadList(const json& list, const char* section, std::initializer_list<const char*> textKeys,
                std::initializer_list<const char*> dateKeys, json& profile) {
  if (!list.is_array()) return WrongType(section, "an array");
  json out = json::array();
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string where = std::string(section) + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return WrongType(where, "an object");
    json entry = json::object();
    for (const char* key : textKeys) {
      Status s = CopyString(list[i], key, where, entry, key);
      if (!s.ok()) return s;
    }
    for (const char* key : dateKeys) {
      json date = json::object();
      Status s = CopyString(list[i], key, where, date, "d");
      if (!s.ok()) return s;
      if (date.empty()) continue;
      auto d = ResumeDate(date["d"].get<std::string>());
      if (!d) return WrongType(where + "." + key, "a date YYYY, YYYY-MM or YYYY-MM-DD");
      entry[key] = *d;
    }
    if (!entry.empty()) out.push_back(std::move(entry));
  }
  profile[section] = std::move(out);
  return Status::Ok();
}

bool Present(const json& resume, const char* key) {
  auto it = resume.find(key);
  return it != resume.end() && !it->is_null();
}

// Line and column (from 1, columns in bytes) of `offset` in `text`.
std::string LineColumn(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Where the JSON stops being JSON, and the common mistake of a comma before
// a closing bracket (which JavaScript and many editors allow) named as such.
std::string DescribeJsonError(std::string_view text, const jsontext::ParseError& error) {
  const size_t at = std::min(error.offset, text.size());
  if (at < text.size() && (text[at] == '}' || text[at] == ']')) {
    size_t before = at;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t' || text[before - 1] == '\n' ||
                          text[before - 1] == '\r'))
      --before;
    if (before > 0 && text[before - 1] == ',') {
      return "the resume file is not valid JSON: " + LineColumn(text, before - 1) + ": a comma before '" +
             std::string(1, text[at]) + "' (a trailing comma, which JSON does not allow); remove that comma";
    }
  }
  return "the resume file is not valid JSON: " + LineColumn(text, at) + ": " + error.message;
}

}  // namespace

Result<json> ImportJsonResume(const json& resume) {
  if (!resume.is_object())
    return Status::BadImport("not a JSON Resume document: the top level is not an object");
  json profile = json::object();
  Status s;
  if (Present(resume, "basics")) s = ReadBasics(resume["basics"], profile);
  if (s.ok() && Present(resume, "work")) s = ReadWork(resume["work"], profile);
  if (s.ok() && Present(resume, "education"))
    s = ReadList(resume["education"], "education", {"institution", "area", "studyType"},
                 {"startDate", "endDate"}, profile);
  if (s.ok() && Present(resume, "certificates"))
    s = ReadList(resume["certificates"], "certificates", {"name", "issuer", "url"}, {"date"}, profile);
  if (!s.ok()) return s;
  // Any valid JSON Resume is a resume; one that holds only sections oneself
  // does not keep (skills, awards, ...) is said to be so, not "not a resume".
  if (profile.empty() && !Present(resume, "x-oneself")) {
    std::string held;
    for (const auto& [key, value] : resume.items()) {
      if (key == "$schema" || value.is_null()) continue;
      held += (held.empty() ? "" : ", ") + key;
    }
    return Status::BadImport(
        "the JSON Resume holds nothing oneself keeps" + (held.empty() ? std::string() : " (it has " + held + ")") +
        "; oneself keeps basics (name, label, email, url, summary, location, profiles), work, education and "
        "certificates");
  }
  json patch = {{"profile", std::move(profile)}};

  // Our own fields, as ExportJsonResume writes them: a partial profile merged
  // over the mapped one, and the per-site settings.
  auto ours = resume.find("x-oneself");
  if (ours != resume.end() && !ours->is_null()) {
    if (!ours->is_object()) return WrongType("x-oneself", "an object");
    auto extra = ours->find("profile");
    if (extra != ours->end()) {
      if (!extra->is_object()) return WrongType("x-oneself.profile", "an object");
      patch["profile"].merge_patch(*extra);
    }
    auto sites = ours->find("sites");
    if (sites != ours->end()) {
      if (!sites->is_object()) return WrongType("x-oneself.sites", "an object");
      patch["sites"] = *sites;
    }
  }
  return patch;
}

Result<json> ImportJsonResume(std::string_view text) {
  if (text.size() > kMaxResumeBytes) return Status::BadImport("the resume file is larger than 8 MiB");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!IsValidUtf8(text)) return Status::BadImport("the resume file is not UTF-8 text");
  // As deep as a request may nest, so that whatever is stored reads back.
  jsontext::ParseOptions options;
  options.maxDepth = protocol::kMaxJsonDepth;
  jsontext::ParseError error;
  auto resume = jsontext::Parse(text, options, &error);
  if (!resume) {
    if (error.kind == jsontext::ParseError::Kind::kTooDeep) {
      return Status::BadImport("the resume file nests deeper than " +
                               std::to_string(protocol::kMaxJsonDepth) + " levels");
    }
    return Status::BadImport(DescribeJsonError(text, error));
  }
  return ImportJsonResume(*resume);
}

}  // namespace oneself::importers
