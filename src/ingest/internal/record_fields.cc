#include "ingest/internal/record_fields.h"

#include <fmt/format.h>

#include <string_view>

namespace ordo::ingest::internal {

Provenance ReadProvenance(CsvTable& table, std::size_t synthetic_column,
                          std::size_t source_column) {
  Provenance provenance;
  const std::string_view synthetic = table.View(synthetic_column);
  if (synthetic == "true" || synthetic == "false") {
    provenance.synthetic = synthetic == "true";
  } else if (synthetic.empty()) {
    table.Report(synthetic_column, "missing value");
  } else {
    table.Report(synthetic_column, fmt::format("'{}' is not true or false", synthetic));
  }
  provenance.source = table.Text(source_column);
  if (synthetic == "false" && provenance.source.empty()) {
    table.Report(source_column, "missing value; a real (synthetic=false) record needs its source");
  }
  return provenance;
}

}  // namespace ordo::ingest::internal
