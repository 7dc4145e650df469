#pragma once
// Exit statuses of the `ordo` command (documented in docs/cli.md). Only the CLI knows them.

#include "core/error.h"

namespace ordo::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 64;      // bad command line (sysexits EX_USAGE)
inline constexpr int kExitDataError = 65;  // an input file was rejected (sysexits EX_DATAERR)
inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C (128 + SIGINT, as shells report)

// Maps an error code to the exit status: invalid argument 2, not found 3, already exists 4,
// failed precondition 5, unavailable 6, internal 70.
int ExitCodeFor(ErrorCode code);

}  // namespace ordo::cli
