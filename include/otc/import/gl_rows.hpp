#pragma once
// The GL's AR control account export (a general-ledger detail report), read into engine::GlRow for
// the roll-forward reconciliation (engine/reconcile_gl.hpp). Columns come through the "gl" kind's
// profiles or a mapping file (docs/reconcile.md): date, account, debit and credit (or one signed
// amount), currency, source, journal id.
#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/engine/reconcile_gl.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/mapping.hpp"

namespace otc::import {


struct GlReadOptions {
  std::string profile = "generic";
  const MappingFile* mapping = nullptr;  ///< its settings (date format, decimal comma, delimiter, currency) win
  InputSettings settings;                ///< default_currency: for rows without a currency (empty: such a row is bad)
};

struct GlReadResult {
  std::vector<engine::GlRow> rows;
  std::vector<core::Issue> issues;  ///< every bad row, in file order
};

/// Reads a GL export from a reader positioned before its header row. A debit/credit pair wins over
/// a signed amount; with only an amount, positives are debits and negatives credits. Blank debit or
/// credit cells are zero. Throws core::Error (kInput, line 1) when the header lacks the date or
/// every amount column; bad rows are listed in `issues`.
GlReadResult read_gl_rows(CsvReader& csv, const GlReadOptions& options = {});
/// Opens `path` ("-" is stdin) with the delimiter the options say and reads it.
GlReadResult read_gl_file(const std::string& path, const GlReadOptions& options = {});

}  // namespace otc::import
