#pragma once
// Exit codes are part of the interface: scripts and cron depend on them. Never renumber.
namespace otc::core {
inline constexpr int kExitOk = 0;          ///< done
inline constexpr int kExitError = 1;       ///< error (bad input, ledger problem); nothing was changed
inline constexpr int kExitUsage = 2;       ///< command-line usage error
inline constexpr int kExitExceptions = 3;  ///< done, but exceptions remain for a person to review
/// The ledger changed (committed), but the report could not be put in place under its name: the
/// message says where the complete report is, and `otc log show BATCH` prints it again.
inline constexpr int kExitReportNotPlaced = 4;
}  // namespace otc::core
