// A small RFC 4180 CSV reader for import files, bounded so that a hostile file
// (a million columns, an unterminated quote) is refused, never a crash or an
// unbounded allocation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "oneself/status.h"

namespace oneself::importers {

struct CsvLimits {
  size_t maxColumns = 256;
  size_t maxRows = 100'000;
  size_t maxCellBytes = 256 * 1024;
  // ',' as RFC 4180 has it; ';' where a spreadsheet in a language that
  // writes decimal commas saved the file.
  char separator = ',';
};

using CsvRow = std::vector<std::string>;

// Rows of cells. Strips a leading UTF-8 BOM; rows end in CRLF, LF or CR;
// quoted cells may hold commas, line breaks and doubled quotes; blank lines
// are skipped. kBadImport (with the line number) for an unterminated quote,
// invalid UTF-8, or a limit exceeded.
Result<std::vector<CsvRow>> ParseCsv(std::string_view text, const CsvLimits& limits = {});

// The first row alone (the header), read without the rest of the file: a
// file that is not one the importer wants is recognised as such even when
// the rest of it would not parse (too many rows, an unterminated quote).
// Empty for a file with no row.
Result<CsvRow> ParseCsvHeader(std::string_view text, const CsvLimits& limits = {});

bool IsValidUtf8(std::string_view text);

}  // namespace oneself::importers
