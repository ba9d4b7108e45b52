#pragma once
// The dates cash facts carry, in one place: when an application of a payment to an invoice takes
// effect, and when a correction of it (unapply, reversal) does.
#include "otc/core/date.hpp"

namespace otc::engine {

/// An application of a payment to an invoice dates from the later of the payment's receipt and the
/// invoice's date: cash cannot settle an invoice before either exists (point-in-time aging relies on it).
inline core::Date application_date(core::Date received, core::Date invoice_date) {
  return received < invoice_date ? invoice_date : received;
}

/// A correction (unapply, reversal of a returned payment) dates from the requested day, but never
/// before what it corrects: history before the correction stays as it was reported.
inline core::Date correction_date(core::Date requested, core::Date corrected_fact_date) {
  return requested < corrected_fact_date ? corrected_fact_date : requested;
}

}  // namespace otc::engine
