#pragma once
// The collections policy file (docs/collections.md, "Policy file"): an INI-style text file of
// sections. Known sections:
//   [policy]          from, default_owner, write_off_approval_over
//   [level N]         days, template, channel                 (one per dunning level)
//   [escalate NAME]   min_days, min_amount, owner              (one per escalation rule)
//   [credit]          hold_days_past_due                       (read by the credit commands)
// Every section is also kept as read (`sections`), so that other commands can add their own;
// an unknown key in a known section is an error at its FILE:LINE:COL.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/engine/dunning.hpp"

namespace otc::import {

/// A dunning template, loaded: plain text, `{{placeholder}}`s; a first line `Subject: ...` is the subject.
struct PolicyTemplate {
  std::string name;     ///< as the policy names it
  std::string file;     ///< where it was read from (for error locations)
  std::string text;
};

struct PolicyEntry {
  std::string key, value;
  core::SourceLocation where;
};

struct PolicySection {
  std::string name;     ///< "policy", "level 1", "escalate over-90", "credit", ...
  core::SourceLocation where;
  std::vector<PolicyEntry> entries;
  const PolicyEntry* find(std::string_view key) const;
};

struct CreditPolicy {
  std::optional<int> hold_days_past_due;   ///< a customer this many days past due goes on hold
};

struct CollectionsPolicy {
  std::string source;                      ///< the file, or "(built-in policy)"
  std::string from = "Accounts Receivable <ar@example.com>";
  std::string default_owner = "unassigned";
  std::string write_off_approval_over;     ///< decimal text in each currency's major unit; empty = none
  std::vector<engine::DunningLevel> levels;  ///< ascending by level
  std::vector<engine::EscalationRule> escalations;
  CreditPolicy credit;
  std::vector<PolicyTemplate> templates;   ///< every template a level names
  std::vector<PolicySection> sections;     ///< everything as read

  const PolicyTemplate* find_template(std::string_view name) const;
  const PolicySection* section(std::string_view name) const;
};

/// Reads the policy at `path` and the templates it names (relative to the policy's directory).
/// Throws core::Error(kInput) at FILE:LINE:COL for a bad line, value or missing template.
CollectionsPolicy read_collections_policy(const std::string& path);

/// Parses policy text; templates are looked up by `load(name, where)` (returns the template).
CollectionsPolicy parse_collections_policy(
    std::string_view text, const std::string& file,
    const std::function<PolicyTemplate(const std::string& name, const core::SourceLocation& where)>& load);

/// The built-in policy (the same text as samples/collections/policy.ini and its templates).
CollectionsPolicy default_collections_policy();

/// The built-in files, by name ("policy.ini", "level1.txt", ...), for the samples test.
std::string_view builtin_policy_file(std::string_view name);

}  // namespace otc::import
