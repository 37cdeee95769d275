// Compact JSON text of a document, byte for byte what nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes, faster: a reply's
// strings (a check's can hold the 2,600-character about three times) are
// copied in runs instead of escaped one byte at a time, which was the largest
// single cost of a warm check (bench/README.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace oneself::jsontext {

void AppendJson(std::string& out, const nlohmann::json& value);

}  // namespace oneself::jsontext
