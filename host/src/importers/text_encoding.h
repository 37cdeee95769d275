// Text that is almost UTF-8: a spreadsheet on Windows saves CSV files in
// Windows-1252 unless told otherwise. Such bytes are read as Windows-1252
// when they are not UTF-8; bytes neither reads are named by line and column.
#pragma once

#include <string>
#include <string_view>

#include "oneself/status.h"

namespace oneself::importers {

// "line L, column C" (from 1; columns in bytes) of the first byte of `text`
// that is not UTF-8, or "" when all of it is.
std::string FirstInvalidUtf8(std::string_view text);

// `text` (not valid UTF-8) read as Windows-1252 and written as UTF-8.
// kBadImport naming `name`, the line and column of a byte Windows-1252 does
// not define (0x81, 0x8D, 0x8F, 0x90, 0x9D), and how to fix it.
Result<std::string> Windows1252ToUtf8(std::string_view text, std::string_view name);

}  // namespace oneself::importers
