#include "ingest/diagnostic.h"

namespace ordo::ingest {

std::string Diagnostic::ToString() const {
  std::string text = file;
  if (line > 0) {
    text += ':';
    text += std::to_string(line);
    if (column > 0) {
      text += ':';
      text += std::to_string(column);
    }
  }
  text += ": ";
  text += message;
  return text;
}

}  // namespace ordo::ingest
