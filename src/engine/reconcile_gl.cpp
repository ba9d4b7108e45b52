#include "otc/engine/reconcile_gl.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>

#include "otc/core/text.hpp"

namespace otc::engine {
namespace {

constexpr std::array<std::string_view, 9> kComponentNames = {"opening", "invoiced", "collected", "credited",      "written_off",
                                                             "fx",      "closing",  "other",     "unapplied_cash"};
constexpr std::size_t kComponents = kComponentNames.size();

using core::to_lower;
std::string lower(std::string_view s) { return to_lower(s); }

std::string trimmed(std::string_view s) { return std::string(core::trim(s)); }

// Components that lower AR when they grow: their GL value is credit − debit.
bool reduces_ar(RollComponent c) {
  return c == RollComponent::kCollected || c == RollComponent::kCredited || c == RollComponent::kWrittenOff ||
         c == RollComponent::kUnapplied;
}

struct SourceTotal {
  std::int64_t amount = 0;
  std::size_t rows = 0;
  std::string example;  // first journal id seen
};

struct CurrencyAcc {
  core::Currency currency;
  bool has_ledger = false;
  std::array<std::int64_t, kComponents> ledger{};
  std::array<std::int64_t, kComponents> gl{};
  std::array<std::map<std::string, SourceTotal>, kComponents> sources;
  std::array<std::vector<std::string>, kComponents> ledger_docs;  // documents behind each component
  std::array<std::vector<std::string>, kComponents> gl_ids;       // GL journal ids per component
  std::int64_t gl_movement = 0;  // signed debit − credit of the period's rows and the opening
  std::optional<std::int64_t> ledger_closing;
  std::int64_t ledger_formula = 0;
};

std::string code(const core::Currency& c) { return std::string(c.view()); }

std::string sources_text(const std::map<std::string, SourceTotal>& sources, const core::Currency& cur) {
  if (sources.empty()) return "no GL rows";
  std::string s;
  for (const auto& [name, t] : sources) {
    if (!s.empty()) s += "; ";
    s += (name.empty() ? std::string("(no source)") : name) + " " + money_text(t.amount, cur) + " (" +
         std::to_string(t.rows) + (t.rows == 1 ? " row)" : " rows)");
  }
  return s;
}

/// "; in the ledger, not in the GL: INV-7, P-3; in the GL, not in the ledger: JE-55": the
/// documents of a component one side has and the other does not (matched by number to the GL's
/// journal ids), at most ten of each.
std::string documents_text(std::vector<std::string> docs, std::vector<std::string> ids) {
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<std::string> only_ledger, only_gl;
  std::set_difference(docs.begin(), docs.end(), ids.begin(), ids.end(), std::back_inserter(only_ledger));
  std::set_difference(ids.begin(), ids.end(), docs.begin(), docs.end(), std::back_inserter(only_gl));
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size() && i < 10; ++i) s += (i ? ", " : "") + v[i];
    if (v.size() > 10) s += " and " + std::to_string(v.size() - 10) + " more";
    return s;
  };
  std::string s;
  if (!only_ledger.empty()) s += "; in the ledger, not in the GL: " + list(only_ledger);
  if (!only_gl.empty()) s += "; in the GL, not in the ledger: " + list(only_gl);
  return s;
}

}  // namespace

std::string_view roll_component_name(RollComponent c) { return kComponentNames[static_cast<std::size_t>(c)]; }

std::optional<RollComponent> parse_roll_component(std::string_view name) {
  for (std::size_t i = 0; i < kComponents; ++i)
    if (kComponentNames[i] == name) return static_cast<RollComponent>(i);
  return std::nullopt;
}

const std::vector<GlSourceRule>& default_gl_source_rules() {
  using C = RollComponent;
  static const std::vector<GlSourceRule> rules = {
      {"dr", C::kInvoiced, true},        {"dz", C::kCollected, true},      {"dg", C::kCredited, true},
      {"unapplied", C::kUnapplied},
      {"opening", C::kOpening},          {"balance forward", C::kOpening}, {"beginning balance", C::kOpening},
      {"write", C::kWrittenOff},         {"bad debt", C::kWrittenOff},     {"credit memo", C::kCredited},
      {"credit note", C::kCredited},     {"creditmemo", C::kCredited},     {"revaluation", C::kFx},
      {"exchange", C::kFx},              {"realized", C::kFx},             {"fx", C::kFx},
      {"receipt", C::kCollected},        {"payment", C::kCollected},       {"cash", C::kCollected},
      {"deposit", C::kCollected},        {"lockbox", C::kCollected},       {"collection", C::kCollected},
      {"refund", C::kCollected},         {"invoice", C::kInvoiced},        {"sales", C::kInvoiced},
      {"billing", C::kInvoiced},
  };
  return rules;
}

RollComponent classify_gl_source(std::string_view source, const GlOptions& options) {
  std::string s = lower(trimmed(source));
  auto try_rules = [&](const std::vector<GlSourceRule>& rules) -> std::optional<RollComponent> {
    for (const auto& r : rules) {
      std::string p = lower(r.pattern);
      if (p.empty()) continue;
      if (r.exact ? s == p : s.find(p) != std::string::npos) return r.component;
    }
    return std::nullopt;
  };
  if (auto c = try_rules(options.rules)) return *c;
  if (options.use_default_rules)
    if (auto c = try_rules(default_gl_source_rules())) return *c;
  return RollComponent::kOther;
}

GlResult reconcile_gl(const std::vector<LedgerRollForward>& ledger, const std::vector<GlRow>& gl, const GlOptions& options) {
  GlResult result;
  std::map<std::string, CurrencyAcc> by_currency;
  auto acc_for = [&](const core::Currency& c) -> CurrencyAcc& {
    CurrencyAcc& a = by_currency[code(c)];
    a.currency = c;
    return a;
  };

  for (const auto& l : ledger) {
    CurrencyAcc& a = acc_for(l.currency);
    a.has_ledger = true;
    a.ledger[static_cast<std::size_t>(RollComponent::kOpening)] += l.opening;
    a.ledger[static_cast<std::size_t>(RollComponent::kInvoiced)] += l.invoiced;
    a.ledger[static_cast<std::size_t>(RollComponent::kCollected)] += l.collected;
    a.ledger[static_cast<std::size_t>(RollComponent::kCredited)] += l.credited;
    a.ledger[static_cast<std::size_t>(RollComponent::kWrittenOff)] += l.written_off;
    a.ledger[static_cast<std::size_t>(RollComponent::kFx)] += l.fx;
    a.ledger[static_cast<std::size_t>(RollComponent::kUnapplied)] += l.unapplied;
    for (const auto& [c, doc] : l.documents) a.ledger_docs[static_cast<std::size_t>(c)].push_back(doc);
    a.ledger_formula += l.computed_closing();
    if (l.closing) a.ledger_closing = a.ledger_closing.value_or(0) + *l.closing;
  }

  std::vector<std::string> accounts;
  for (const auto& acct : options.accounts) accounts.push_back(lower(trimmed(acct)));
  const std::string before_label = "before " + options.period_start.iso();

  for (const auto& row : gl) {
    if (!accounts.empty() &&
        std::find(accounts.begin(), accounts.end(), lower(trimmed(row.account))) == accounts.end()) {
      ++result.rows_other_accounts;
      continue;
    }
    if (row.date > options.period_end) {
      ++result.rows_after_period;
      continue;
    }
    ++result.rows_used;
    CurrencyAcc& a = acc_for(row.currency);
    const std::int64_t signed_amount = row.debit_minor - row.credit_minor;
    RollComponent c = row.date < options.period_start ? RollComponent::kOpening : classify_gl_source(row.source, options);
    std::int64_t value = reduces_ar(c) ? -signed_amount : signed_amount;
    auto idx = static_cast<std::size_t>(c);
    a.gl[idx] += value;
    a.gl_movement += signed_amount;
    if (!row.journal_id.empty() && row.date >= options.period_start) a.gl_ids[idx].push_back(trimmed(row.journal_id));
    SourceTotal& st = a.sources[idx][row.date < options.period_start ? before_label : trimmed(row.source)];
    st.amount += value;
    if (st.rows++ == 0) st.example = row.journal_id;
  }
  for (const auto& m : options.gl_opening) {
    CurrencyAcc& a = acc_for(m.currency);
    auto idx = static_cast<std::size_t>(RollComponent::kOpening);
    a.gl[idx] += m.minor;
    a.gl_movement += m.minor;
    SourceTotal& st = a.sources[idx]["opening balance given"];
    st.amount += m.minor;
    ++st.rows;
  }

  const std::int64_t tol = options.tolerance_minor < 0 ? 0 : options.tolerance_minor;
  auto beyond = [tol](std::int64_t d) { return (d < 0 ? -d : d) > tol; };
  for (auto& [cur_code, a] : by_currency) {
    const core::Currency& cur = a.currency;
    auto push_row = [&](RollComponent c, std::int64_t ledger_value, std::int64_t gl_value) {
      RollForwardRow r;
      r.currency = cur;
      r.component = c;
      r.ledger_minor = ledger_value;
      r.gl_minor = gl_value;
      for (const auto& [name, t] : a.sources[static_cast<std::size_t>(c)]) r.gl_sources.push_back({name, t.amount, t.rows});
      result.rows.push_back(std::move(r));
    };
    const auto unapplied = static_cast<std::size_t>(RollComponent::kUnapplied);
    const bool show_unapplied = a.ledger[unapplied] != 0 || !a.sources[unapplied].empty();
    for (RollComponent c : {RollComponent::kOpening, RollComponent::kInvoiced, RollComponent::kCollected,
                            RollComponent::kUnapplied, RollComponent::kCredited, RollComponent::kWrittenOff, RollComponent::kFx}) {
      auto idx = static_cast<std::size_t>(c);
      if (c == RollComponent::kUnapplied) {
        if (show_unapplied) push_row(c, a.ledger[idx], a.gl[idx]);
        continue;  // compared with collected: the GL credits AR with all cash received
      }
      push_row(c, a.ledger[idx], a.gl[idx]);
      std::int64_t ledger_value = a.ledger[idx], gl_value = a.gl[idx];
      std::vector<std::string> docs = a.ledger_docs[idx], ids = a.gl_ids[idx];
      if (c == RollComponent::kCollected) {
        ledger_value += a.ledger[unapplied];
        gl_value += a.gl[unapplied];
        docs.insert(docs.end(), a.ledger_docs[unapplied].begin(), a.ledger_docs[unapplied].end());
        ids.insert(ids.end(), a.gl_ids[unapplied].begin(), a.gl_ids[unapplied].end());
      }
      std::int64_t diff = ledger_value - gl_value;
      if (!beyond(diff)) continue;
      std::string what = std::string(roll_component_name(c)) + (c == RollComponent::kCollected && show_unapplied ? " (with unapplied cash)" : "");
      result.breaks.push_back(
          {BreakType::kRollforwardDifference, "currency=" + cur_code + "|component=" + std::string(roll_component_name(c)),
           money_text(ledger_value, cur), money_text(gl_value, cur), money_text(diff, cur), cur_code, diff,
           std::string(diff > 0 ? "the ledger has more " : "the GL has more ") + what +
               " than the other side; GL by source: " + sources_text(a.sources[idx], cur) + documents_text(docs, ids) +
               "; find the postings in one and not the other (cut-off, manual journals)"});
    }
    auto other = static_cast<std::size_t>(RollComponent::kOther);
    if (!a.sources[other].empty()) {
      push_row(RollComponent::kOther, 0, a.gl[other]);
      for (const auto& [name, t] : a.sources[other]) {
        if (!beyond(t.amount)) continue;
        std::string example = t.example.empty() ? "" : " (e.g. " + t.example + ")";
        result.breaks.push_back(
            {BreakType::kUnmappedGlSource, "currency=" + cur_code + "|source=" + name, "", money_text(t.amount, cur),
             money_text(-t.amount, cur), cur_code, -t.amount,
             std::to_string(t.rows) + (t.rows == 1 ? " GL row" : " GL rows") + " of source '" + name + "'" + example +
                 (t.rows == 1 ? " moves" : " move") +
                 " AR outside the ledger's components; map the source to a component or reverse the manual entry"});
      }
    }
    std::int64_t ledger_closing = a.ledger_closing.value_or(a.ledger_formula);
    push_row(RollComponent::kClosing, ledger_closing, a.gl_movement);
    if (a.ledger_closing && beyond(*a.ledger_closing - a.ledger_formula)) {
      std::int64_t diff = *a.ledger_closing - a.ledger_formula;
      result.breaks.push_back(
          {BreakType::kRollforwardOutOfBalance, "currency=" + cur_code + "|component=closing",
           money_text(*a.ledger_closing, cur), money_text(a.ledger_formula, cur), money_text(diff, cur), cur_code, diff,
           "the ledger's open balances at period end differ from opening + invoiced - collected - credited - "
           "written off + fx; a posting is missing from the period's movements (back-dated entry?)"});
    }
  }
  sort_breaks(result.breaks);
  return result;
}

}  // namespace otc::engine
