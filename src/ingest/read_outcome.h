#pragma once
// ReadOutcome<Row>: what a reader returns: the rows it understood, the line each came from, and every
// problem it found. A caller that writes data writes nothing unless problems is empty.

#include <vector>

#include "ingest/diagnostic.h"

namespace ordo::ingest {

template <typename Row>
struct ReadOutcome {
  std::vector<Row> rows;
  std::vector<int> row_lines;  // row_lines[i] is the line on which rows[i] starts
  std::vector<Diagnostic> problems;

  bool ok() const { return problems.empty(); }
};

}  // namespace ordo::ingest
