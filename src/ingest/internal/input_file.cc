#include "ingest/internal/input_file.h"

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace ordo::ingest::internal {

std::optional<Diagnostic> OpenInputFile(const std::string& path, std::ifstream& in) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return Diagnostic{path, 0, 0, "cannot open file: it is a directory"};
  }
  errno = 0;
  in.open(path, std::ios::in | std::ios::binary);
  if (in.is_open()) return std::nullopt;
  const int open_errno = errno;
  const std::string reason =
      open_errno != 0 ? std::generic_category().message(open_errno) : std::string("unknown error");
  return Diagnostic{path, 0, 0, "cannot open file: " + reason};
}

}  // namespace ordo::ingest::internal
