#include "client/render/table.h"

#include <algorithm>
#include <cassert>

#include "client/render/text.h"

namespace parley::client::render {

namespace {

constexpr std::string_view kGap = "  ";

void TrimRight(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

}  // namespace

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::AddRow(std::vector<std::string> cells) {
  assert(cells.size() == headers_.size());
  rows_.push_back(std::move(cells));
}

std::string Table::Render() const {
  const std::size_t columns = headers_.size();
  std::vector<std::size_t> widths(columns, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c + 1 < columns; ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  };
  measure(headers_);
  for (const auto& row : rows_) measure(row);

  std::size_t indent = 0;
  for (std::size_t c = 0; c + 1 < columns; ++c) indent += widths[c] + kGap.size();

  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c + 1 < columns; ++c) {
      line += PadRight(row[c], widths[c]);
      line += kGap;
    }
    const std::string& last = row[columns - 1];
    std::size_t start = 0;
    bool first = true;
    while (true) {
      std::size_t end = last.find('\n', start);
      std::string piece = last.substr(start, end == std::string::npos ? end : end - start);
      if (!first) line = std::string(indent, ' ');
      line += piece;
      TrimRight(line);
      out += line;
      out += '\n';
      first = false;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  };
  emit(headers_);
  for (const auto& row : rows_) emit(row);
  return out;
}

}  // namespace parley::client::render
