// UTF-8 text as a terminal shows it: validity, display width, and making
// untrusted text (names and messages from peers) safe to print.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::client::render {

bool IsValidUtf8(std::string_view text);

// Columns `text` takes on a terminal: one per code point, two for East Asian
// wide and emoji ranges, none for combining marks. Invalid bytes count one.
std::size_t DisplayWidth(std::string_view text);

// Untrusted text made safe for a terminal: invalid UTF-8, C0/C1 control
// characters (ESC starts terminal escape sequences) and bidirectional
// overrides (which can disguise text) become U+FFFD. Tabs become a space;
// newlines are kept only when `keep_newlines`, otherwise become a space.
std::string ForTerminal(std::string_view text, bool keep_newlines = false);

// At most `max_width` columns of `text`, with "…" when shortened.
std::string Shorten(std::string_view text, std::size_t max_width);

// `text` followed by spaces up to `width` columns.
std::string PadRight(std::string_view text, std::size_t width);

// Reflows the paragraphs of `text` to at most `width` columns. A paragraph
// is a run of lines that do not start with a space; indented lines (option
// lists, examples) and blank lines are kept as they are.
std::string Wrap(std::string_view text, std::size_t width);

}  // namespace parley::client::render
