#include "cli/path.h"

#include <fmt/format.h>

#include "sites/site_table.h"

namespace oneself::cli {

using nlohmann::json;

Result<std::vector<std::string>> SplitPath(const std::string& path) {
  // `show` prints list items as work[0].title: the same as work.0.title.
  std::string dotted;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '[') {
      dotted += path[i];
      continue;
    }
    const size_t close = path.find(']', i);
    const std::string index = close == std::string::npos ? "" : path.substr(i + 1, close - i - 1);
    const bool next = close + 1 == path.size() || (close + 1 < path.size() && path[close + 1] == '.');
    if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos || !next) {
      return Status::BadRequest("'" + path + "' is not a field path such as name.full or work[0].title");
    }
    dotted += "." + index;
    i = close;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t dot = dotted.find('.', start);
    std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) return Status::BadRequest("'" + path + "' is not a field path such as name.full");
    parts.push_back(std::move(part));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  // A site is named as everywhere else: any case, and "twitter" for X.
  if (parts.size() >= 2 && parts[0] == "sites") {
    if (const sites::Site* site = sites::FindSite(parts[1])) parts[1] = std::string(site->id);
  }
  return parts;
}

const json* Lookup(const json& root, const std::vector<std::string>& parts) {
  const json* at = &root;
  for (const std::string& part : parts) {
    if (at->is_object()) {
      auto it = at->find(part);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array() && !part.empty() &&
               part.find_first_not_of("0123456789") == std::string::npos && part.size() < 9) {
      const size_t i = std::stoul(part);
      if (i >= at->size()) return nullptr;
      at = &(*at)[i];
    } else {
      return nullptr;
    }
  }
  return at;
}

json PatchFor(const std::vector<std::string>& parts, json value) {
  json patch = std::move(value);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    json outer = json::object();
    outer[*it] = std::move(patch);
    patch = std::move(outer);
  }
  return patch;
}

void Flatten(const json& value, const std::string& prefix, std::vector<std::string>& lines) {
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      Flatten(item, prefix.empty() ? key : prefix + "." + key, lines);
    }
  } else if (value.is_array() && !value.empty() &&
             (value.front().is_object() || value.front().is_array())) {
    for (size_t i = 0; i < value.size(); ++i) {
      Flatten(value[i], fmt::format("{}[{}]", prefix, i), lines);
    }
  } else {
    lines.push_back(prefix + ": " + Display(value));
  }
}

std::string Display(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace oneself::cli
