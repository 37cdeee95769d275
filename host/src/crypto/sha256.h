// SHA-256 for the journal's hash chain and the photo's file fingerprint.
#pragma once

#include <string>
#include <string_view>

namespace oneself::crypto {

// Lowercase hex SHA-256 of `bytes` (64 characters).
std::string Sha256Hex(std::string_view bytes);

}  // namespace oneself::crypto
