#pragma once
// Diagnostic: one problem found in an input file, with the place it was found. Readers collect every
// problem in a file instead of stopping at the first, so a user fixes them all in one pass.

#include <string>

namespace ordo::ingest {

struct Diagnostic {
  std::string file;  // the path as the user gave it
  int line = 0;      // 1-based; 0 when the problem concerns the whole file (cannot open it)
  int column = 0;    // 1-based, counting Unicode characters from the start of the line; 0 = unknown
  std::string message;

  // "data/x.csv:12:5: message", "data/x.csv:12: message" (no column) or "data/x.csv: message".
  std::string ToString() const;
};

}  // namespace ordo::ingest
