#include "store/leaves.h"

#include <vector>

namespace oneself::store {

using nlohmann::json;

namespace {

std::string Escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string Unescape(const std::string& token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

std::vector<std::string> Tokens(const std::string& pointer) {
  std::vector<std::string> out;
  size_t at = 1;
  while (at <= pointer.size()) {
    size_t slash = pointer.find('/', at);
    if (slash == std::string::npos) slash = pointer.size();
    out.push_back(Unescape(pointer.substr(at, slash - at)));
    at = slash + 1;
  }
  return out;
}

void Walk(const json& node, const std::string& path, std::map<std::string, json>& out) {
  if (!node.is_object()) {
    out.emplace(path, node);
    return;
  }
  for (const auto& [key, value] : node.items()) Walk(value, path + "/" + Escape(key), out);
}

}  // namespace

std::map<std::string, json> Leaves(const json& doc) {
  std::map<std::string, json> out;
  for (const char* part : {"profile", "sites"}) {
    auto it = doc.find(part);
    if (it != doc.end() && it->is_object()) Walk(*it, std::string("/") + part, out);
  }
  return out;
}

json LeafChanges(const json& before, const json& after) {
  json changes = json::object();
  auto a = Leaves(before);
  auto b = Leaves(after);
  for (const auto& [path, value] : a) {
    auto it = b.find(path);
    if (it == b.end()) changes[path] = nullptr;
    else if (it->second != value) changes[path] = it->second;
  }
  for (const auto& [path, value] : b)
    if (!a.count(path)) changes[path] = value;
  return changes;
}

void SetLeaf(json& doc, const std::string& pointer, const json& value) {
  auto tokens = Tokens(pointer);
  if (tokens.empty()) return;
  if (value.is_null()) {
    std::vector<json*> chain{&doc};
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      json* node = chain.back();
      if (!node->is_object()) return;
      auto it = node->find(tokens[i]);
      if (it == node->end()) return;
      chain.push_back(&*it);
    }
    if (!chain.back()->is_object()) return;
    chain.back()->erase(tokens.back());
    // Drop the objects the removal left empty, but never "profile" or "sites".
    for (size_t i = chain.size() - 1; i >= 2 && chain[i]->empty(); --i)
      chain[i - 1]->erase(tokens[i - 1]);
    return;
  }
  json* node = &doc;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!node->is_object()) return;
    node = &(*node)[tokens[i]];
    if (node->is_null()) *node = json::object();
  }
  if (node->is_object()) (*node)[tokens.back()] = value;
}

std::string FieldName(const std::string& pointer) {
  auto tokens = Tokens(pointer);
  std::string out;
  for (size_t i = tokens[0] == "profile" ? 1 : 0; i < tokens.size(); ++i) {
    if (!out.empty()) out += '.';
    out += tokens[i];
  }
  return out;
}

}  // namespace oneself::store
