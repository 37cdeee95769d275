#include "json/dispose.h"

#include "protocol/limits.h"

namespace oneself::jsontext {
namespace {

using nlohmann::json;

void EmptyBelow(json& value, int depth) {
  if (depth > protocol::kMaxJsonDepth) return;
  if (value.is_object()) {
    for (auto& [key, item] : value.get_ref<json::object_t&>()) EmptyBelow(item, depth + 1);
    return;
  }
  if (!value.is_array()) return;
  auto& items = value.get_ref<json::array_t&>();
  bool scalars = true;
  for (json& item : items) {
    if (item.is_structured()) {
      scalars = false;
      EmptyBelow(item, depth + 1);
    }
  }
  if (scalars) items.clear();
}

}  // namespace

void EmptyScalarArrays(json& doc) { EmptyBelow(doc, 0); }

void Dispose(json& doc) {
  EmptyScalarArrays(doc);
  doc = nullptr;
}

}  // namespace oneself::jsontext
