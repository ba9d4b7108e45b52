#include "otc/core/error.hpp"

namespace otc::core {

std::string format_location(const SourceLocation& where) {
  std::string s = where.file;
  if (where.line > 0) {
    s += ':' + std::to_string(where.line);
    if (where.column > 0) s += ':' + std::to_string(where.column);
  }
  return s;
}

}  // namespace otc::core
