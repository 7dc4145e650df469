#include "cli/exit_codes.h"

namespace ordo::cli {

int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 2;
    case ErrorCode::kNotFound:
      return 3;
    case ErrorCode::kAlreadyExists:
      return 4;
    case ErrorCode::kFailedPrecondition:
      return 5;
    case ErrorCode::kUnavailable:
      return 6;
    case ErrorCode::kInternal:
      return 70;
  }
  return 70;
}

}  // namespace ordo::cli
