// Store document -> JSON Resume, schema v1.0.0 (basics, work, education, certificates), with what JSON Resume has
// no place for under "x-oneself", so that the export imports back whole.
#include "importers/importers.h"

namespace oneself::importers {
namespace {

using nlohmann::json;

// Copies obj[from] to out[to] when it is a string.
void Put(const json& obj, const char* from, json& out, const char* to) {
  if (!obj.is_object()) return;
  auto it = obj.find(from);
  if (it != obj.end() && it->is_string()) out[to] = *it;
}

// obj without `keys`, or null when nothing is left.
json Without(const json& obj, std::initializer_list<const char*> keys) {
  if (!obj.is_object()) return nullptr;
  json rest = obj;
  for (const char* k : keys) rest.erase(k);
  return rest.empty() ? json(nullptr) : rest;
}

}  // namespace

json ExportJsonResume(const json& doc) {
  static const json kEmpty = json::object();
  const json& profile =
      doc.is_object() && doc.contains("profile") && doc["profile"].is_object() ? doc["profile"] : kEmpty;
  json basics = json::object();
  Put(profile.value("name", kEmpty), "full", basics, "name");
  Put(profile, "headline", basics, "label");
  Put(profile, "email", basics, "email");
  Put(profile, "website", basics, "url");
  Put(profile.value("bio", kEmpty), "about", basics, "summary");
  json location = json::object();
  for (const char* key : {"city", "region", "countryCode"})
    Put(profile.value("location", kEmpty), key, location, key);
  if (!location.empty()) basics["location"] = std::move(location);
  if (profile.contains("profiles")) basics["profiles"] = profile["profiles"];

  json work = json::array();
  json positions = profile.value("work", json::array());
  for (const auto& w : positions.is_array() ? positions : json::array()) {
    json out = json::object();
    Put(w, "employer", out, "name");
    Put(w, "title", out, "position");
    Put(w, "start", out, "startDate");
    Put(w, "end", out, "endDate");
    work.push_back(std::move(out));
  }

  // Education and certificates are kept under JSON Resume's own names.
  json sections = json::object();
  for (const char* section : {"education", "certificates"}) {
    auto it = profile.find(section);
    if (it != profile.end() && it->is_array()) sections[section] = *it;
  }

  // Everything else, as a partial profile merged back over the mapped one.
  json extra = json::object();
  if (json name = Without(profile.value("name", kEmpty), {"full"}); !name.is_null()) extra["name"] = name;
  if (json bio = Without(profile.value("bio", kEmpty), {"about"}); !bio.is_null()) extra["bio"] = bio;
  // The importer composes a display from city and region; say when there is
  // none (null removes it in the merge) or what it really is.
  if (profile.contains("location") && profile["location"].is_object())
    extra["location"]["display"] = profile["location"].value("display", json(nullptr));
  for (const char* key : {"links", "photo"})
    if (profile.contains(key)) extra[key] = profile[key];

  json resume = {
      {"$schema", "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"},
      {"basics", std::move(basics)},
      {"work", std::move(work)}};
  for (auto& [section, list] : sections.items()) resume[section] = std::move(list);
  json ours = {{"version", 1}};
  if (!extra.empty()) ours["profile"] = std::move(extra);
  if (doc.is_object() && doc.contains("sites") && doc["sites"].is_object() && !doc["sites"].empty())
    ours["sites"] = doc["sites"];
  resume["x-oneself"] = std::move(ours);
  return resume;
}

}  // namespace oneself::importers
