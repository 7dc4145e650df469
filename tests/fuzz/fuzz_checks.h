#pragma once
// Properties every reader promises whatever its input, checked by the fuzz targets so that a
// broken promise is a finding even when no sanitizer fires: each kept row has its line, each
// problem has a position and a message, and text handed on is valid UTF-8.

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.h"
#include "ingest/read_outcome.h"

namespace ordo::fuzz {

// Stops the process with `what`; libFuzzer saves the input as a crash.
[[noreturn]] inline void Violated(const char* what) {
  std::fprintf(stderr, "fuzz property violated: %s\n", what);
  std::abort();
}

inline void Require(bool holds, const char* what) {
  if (!holds) Violated(what);
}

// Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
inline bool IsValidUtf8(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    unsigned min = 0;
    unsigned code = 0;
    if (lead < 0x80) {
      ++at;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, min = 0x80, code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, min = 0x800, code = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, min = 0x10000, code = lead & 0x07u;
    } else {
      return false;
    }
    if (at + length > text.size()) return false;
    for (std::size_t i = 1; i < length; ++i) {
      const auto next = static_cast<unsigned char>(text[at + i]);
      if ((next & 0xC0u) != 0x80u) return false;
      code = (code << 6) | (next & 0x3Fu);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    at += length;
  }
  return true;
}

// Every problem says something and has a position: a line (>= 1) and a column (0 = unknown), or
// line 0 and column 0 for one about the whole input ("file is empty").
inline void CheckProblems(const std::vector<ingest::Diagnostic>& problems) {
  for (const ingest::Diagnostic& problem : problems) {
    Require(problem.line >= 0, "a problem with a negative line");
    Require(problem.column >= 0, "a problem with a negative column");
    Require(problem.line > 0 || problem.column == 0, "a column without a line");
    Require(!problem.message.empty(), "a problem without a message");
  }
}

// Rows and their lines match, lines increase, and problems are well-formed.
template <typename Row>
void CheckOutcome(const ingest::ReadOutcome<Row>& outcome) {
  Require(outcome.rows.size() == outcome.row_lines.size(), "rows and row_lines differ in size");
  for (std::size_t i = 0; i < outcome.row_lines.size(); ++i) {
    Require(outcome.row_lines[i] >= 2, "a data row before line 2");
    Require(i == 0 || outcome.row_lines[i] > outcome.row_lines[i - 1], "row lines not increasing");
  }
  CheckProblems(outcome.problems);
}

}  // namespace ordo::fuzz
