#pragma once
// ReadInputFile: the path overloads of the readers. Opens a file for binary reading and hands the
// stream to a reader, or returns an outcome with one file-level Diagnostic when it cannot be
// opened.

#include <fstream>
#include <optional>
#include <string>

#include "ingest/diagnostic.h"
#include "ingest/read_outcome.h"

namespace ordo::ingest::internal {

// Opens `path` into `in`. Returns a file-level Diagnostic ("cannot open file: ...") on failure.
std::optional<Diagnostic> OpenInputFile(const std::string& path, std::ifstream& in);

// Calls read(stream) on the opened file; `read` returns a ReadOutcome<Row>.
template <typename Row, typename ReadFn>
ReadOutcome<Row> ReadInputFile(const std::string& path, ReadFn read) {
  std::ifstream in;
  if (std::optional<Diagnostic> problem = OpenInputFile(path, in)) {
    ReadOutcome<Row> outcome;
    outcome.problems.push_back(std::move(*problem));
    return outcome;
  }
  return read(in);
}

}  // namespace ordo::ingest::internal
