#pragma once
// The one error printer: how every error and every bad row looks on stderr.
#include <string>
#include <string_view>

#include "otc/core/error.hpp"

namespace otc::cli {

/// Input text longer than this is never echoed.
inline constexpr std::size_t kMaxEchoedInput = 200;

/// "otc: error: FILE:LINE:COL: message", the offending line (cut to 200 characters) with a caret
/// under the column, the context chain ("  while ..."), then "  hint: ...". Ends with a newline.
std::string render_error(const core::Error& e);

/// One bad row in the same shape, with `prefix` ("otc: error: " or "otc: rejected: ").
std::string render_issue(const core::Issue& issue, std::string_view prefix = "otc: error: ");

}  // namespace otc::cli
