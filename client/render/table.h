// Aligned text tables for lists (contacts, requests, messages).
//
// Columns are separated by two spaces and aligned by display width (so
// Cyrillic and wide characters line up). Cells are printed as given: callers
// pass untrusted text through render::ForTerminal first. Only the last column
// may hold several lines; its continuation lines are indented to it.
#pragma once

#include <string>
#include <vector>

namespace parley::client::render {

class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  // REQUIRES: cells.size() == number of headers.
  void AddRow(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }

  // Header line, then one line per row; every line ends with '\n' and has no
  // trailing spaces.
  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace parley::client::render
