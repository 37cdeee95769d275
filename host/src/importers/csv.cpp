#include "importers/csv.h"

namespace oneself::importers {
namespace {

std::string AtLine(size_t line) { return " (line " + std::to_string(line) + ")"; }

}  // namespace

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > text.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += len;
  }
  return true;
}

Result<std::vector<CsvRow>> ParseCsv(std::string_view text, const CsvLimits& limits) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!IsValidUtf8(text)) return Status::BadImport("the CSV file is not UTF-8 text");

  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  bool quoted = false;     // inside a quoted cell
  bool wasQuoted = false;  // the current cell began with a quote
  size_t line = 1, quoteLine = 0;

  auto endCell = [&]() -> Status {
    if (row.size() >= limits.maxColumns)
      return Status::BadImport("the CSV file has more than " + std::to_string(limits.maxColumns) +
                               " columns" + AtLine(line));
    row.push_back(std::move(cell));
    cell.clear();
    wasQuoted = false;
    return Status::Ok();
  };
  auto endRow = [&]() -> Status {
    Status s = endCell();
    if (!s.ok()) return s;
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) {
      if (rows.size() >= limits.maxRows)
        return Status::BadImport("the CSV file has more than " + std::to_string(limits.maxRows) + " rows");
      rows.push_back(std::move(row));
    }
    row.clear();
    return Status::Ok();
  };

  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
    } else if (c == '"' && cell.empty() && !wasQuoted) {
      quoted = wasQuoted = true;
      quoteLine = line;
    } else if (c == limits.separator) {
      Status s = endCell();
      if (!s.ok()) return s;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      Status s = endRow();
      if (!s.ok()) return s;
      ++line;
    } else {
      cell.push_back(c);  // a stray quote inside an unquoted cell is kept as text
    }
    if (cell.size() > limits.maxCellBytes)
      return Status::BadImport("a CSV cell is longer than " + std::to_string(limits.maxCellBytes) +
                               " bytes" + AtLine(line));
  }
  if (quoted)
    return Status::BadImport("the CSV file ends inside a quoted cell that starts" + AtLine(quoteLine));
  if (!cell.empty() || !row.empty() || wasQuoted) {
    Status s = endRow();
    if (!s.ok()) return s;
  }
  return rows;
}

Result<CsvRow> ParseCsvHeader(std::string_view text, const CsvLimits& limits) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const size_t start = text.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return CsvRow{};
  text.remove_prefix(start);
  // The first line break outside quotes ends the header; a doubled quote
  // inside a quoted cell toggles twice, which leaves it quoted.
  bool quoted = false;
  size_t end = 0;
  while (end < text.size() && (quoted || (text[end] != '\n' && text[end] != '\r'))) {
    if (text[end] == '"') quoted = !quoted;
    ++end;
  }
  Result<std::vector<CsvRow>> rows = ParseCsv(text.substr(0, end), limits);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return CsvRow{};
  return std::move(rows->front());
}

}  // namespace oneself::importers
