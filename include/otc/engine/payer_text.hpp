#pragma once
// Known customers inside free text: when a bank gives no payer field (BAI2 16/88 text without
// labels, MT940 `:86:` without subfields, a bank CSV description), the customer's own name or
// alias often stands in the text ("ACME CORP INV 123", "SEPA GUTSCHRIFT MUELLER GMBH RE 4711").
// The labelled conventions (ORIG CO NAME:, B/O, ORG=, /ORDP/) are read by the bank readers
// (import/bank/payer_text.hpp); this is the name look-up, in the engine.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "otc/engine/name_match.hpp"

namespace otc::engine {

/// Runs of words in `text` that can be a name: no digits, not a label (`XYZ:`), not a payment word
/// (PAYMENT, INV, INVOICE, REF, ACH, CREDIT, WIRE, TRANSFER, FROM, THANK YOU, ...). In text order.
std::vector<std::string> name_spans(std::string_view text);

/// The customers (index owners) whose normalised name or alias is a whole name span of `text`, or
/// (two words at least) the start or end of one. Distinct owners, in text order;
/// the caller decides that several are ambiguous.
std::vector<std::uint32_t> customers_named_in_text(const NameIndex& index, std::string_view text);

}  // namespace otc::engine
