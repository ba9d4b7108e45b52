#include "otc/import/collections_policy.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "otc/core/money.hpp"
#include "otc/core/text.hpp"

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;
using core::SourceLocation;

// The built-in policy: the same bytes as samples/collections/ (a unit test compares them).
struct BuiltinFile {
  const char* name;
  const char* text;
};
const BuiltinFile kBuiltin[] = {
    {"policy.ini", R"~(# otc collections policy: dunning levels, escalation rules, write-off approval, credit holds.
# docs/collections.md describes every key. Amounts are in each currency's major unit.

[policy]
from = Accounts Receivable <ar@example.com>
default_owner = unassigned
write_off_approval_over = 1000.00

[level 1]
days = 1
template = level1.txt
channel = email

[level 2]
days = 30
template = level2.txt
channel = email

[level 3]
days = 60
template = level3.txt
channel = email

[escalate over-90-10k]
min_days = 91
min_amount = 10000.00
owner = senior-collector

[credit]
hold_days_past_due = 60
)~"},
    {"level1.txt", R"~(Subject: Reminder: {{total_past_due}} {{currency}} past due
Dear {{customer_name}},

Our records show these invoices past due as of {{as_of}}:

{{invoices}}

Total past due: {{total_past_due}} {{currency}}

If you have already paid, please disregard this reminder. Otherwise please arrange
payment at your earliest convenience, quoting the invoice numbers above.

Kind regards,
{{from_name}}
)~"},
    {"level2.txt", R"~(Subject: Second notice: {{total_past_due}} {{currency}} past due
Dear {{customer_name}},

We have not yet received payment for these invoices, the oldest now
{{oldest_days_past_due}} days past due (as of {{as_of}}):

{{invoices}}

Total past due: {{total_past_due}} {{currency}}

Please pay within 7 days or reply to tell us when payment will be made. If any
invoice is in question, reply and we will look into it.

Regards,
{{from_name}}
)~"},
    {"level3.txt", R"~(Subject: Final notice: {{total_past_due}} {{currency}} past due
Dear {{customer_name}},

Despite our earlier reminders, these invoices remain unpaid; the oldest is
{{oldest_days_past_due}} days past due (as of {{as_of}}):

{{invoices}}

Total past due: {{total_past_due}} {{currency}}

Unless we receive payment or hear from you within 7 days, your account may be
placed on credit hold and referred for further collection.

{{from_name}}
)~"},
};

SourceLocation at(const std::string& file, long line, const std::string& text, std::size_t caret) {
  SourceLocation w;
  w.file = file;
  w.line = line;
  w.column = static_cast<int>(caret) + 1;
  w.text = text;
  w.caret = static_cast<int>(caret);
  return w;
}

[[noreturn]] void bad(const SourceLocation& where, const std::string& message, std::string hint = {}) {
  throw Error(ErrorKind::kInput, message, where, std::move(hint));
}

int int_value(const PolicyEntry& e, int min) {
  int v = 0;
  auto [p, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), v);
  if (ec != std::errc() || p != e.value.data() + e.value.size() || v < min)
    bad(e.where, e.key + " must be a whole number of at least " + std::to_string(min) + ", not '" + e.value + "'");
  return v;
}

std::string amount_value(const PolicyEntry& e) {
  auto r = core::parse_amount(e.value, 4);
  if (!r.ok() || r.minor < 0) bad(e.where, e.key + " must be an amount of zero or more (e.g. 1000.00), not '" + e.value + "'");
  return e.value;
}

void unknown_key(const PolicyEntry& e, const PolicySection& s, const char* known) {
  bad(e.where, "unknown key '" + e.key + "' in [" + s.name + "]", std::string("known keys: ") + known);
}

}  // namespace

const PolicyEntry* PolicySection::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

const PolicyTemplate* CollectionsPolicy::find_template(std::string_view name) const {
  for (const auto& t : templates)
    if (t.name == name) return &t;
  return nullptr;
}

const PolicySection* CollectionsPolicy::section(std::string_view name) const {
  for (const auto& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

CollectionsPolicy parse_collections_policy(
    std::string_view text, const std::string& file,
    const std::function<PolicyTemplate(const std::string& name, const SourceLocation& where)>& load) {
  CollectionsPolicy p;
  p.source = file;
  // 1. Lines into sections.
  long line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::string_view t = core::trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    std::size_t indent = line.find_first_not_of(" \t");
    if (t[0] == '[') {
      if (t.back() != ']') bad(at(file, line_no, line, indent), "a section header must end with ']'");
      std::string name(core::trim(t.substr(1, t.size() - 2)));
      // "level   1" and "level 1" are the same section name.
      std::string norm;
      for (char c : name) {
        if ((c == ' ' || c == '\t') && (norm.empty() || norm.back() == ' ')) continue;
        norm.push_back(c == '\t' ? ' ' : c);
      }
      if (norm.empty()) bad(at(file, line_no, line, indent), "empty section name");
      for (const auto& s : p.sections)
        if (s.name == norm)
          bad(at(file, line_no, line, indent + 1), "section [" + norm + "] appears twice (first at line " +
                                                       std::to_string(s.where.line) + ")");
      p.sections.push_back({norm, at(file, line_no, line, indent), {}});
      continue;
    }
    std::size_t eq = line.find('=');
    if (eq == std::string::npos) bad(at(file, line_no, line, indent), "expected 'key = value' or '[section]'");
    if (p.sections.empty()) bad(at(file, line_no, line, indent), "a key before the first [section]");
    PolicyEntry e;
    e.key = std::string(core::trim(std::string_view(line).substr(0, eq)));
    e.value = std::string(core::trim(std::string_view(line).substr(eq + 1)));
    std::size_t vpos = line.find_first_not_of(" \t", eq + 1);
    e.where = at(file, line_no, line, vpos == std::string::npos ? eq + 1 : vpos);
    if (e.key.empty()) bad(at(file, line_no, line, indent), "a key is missing before '='");
    auto& sec = p.sections.back();
    if (const auto* dup = sec.find(e.key))
      bad(at(file, line_no, line, indent), "key '" + e.key + "' appears twice in [" + sec.name + "] (first at line " +
                                               std::to_string(dup->where.line) + ")");
    sec.entries.push_back(std::move(e));
  }
  // 2. The known sections.
  for (const auto& s : p.sections) {
    if (s.name == "policy") {
      for (const auto& e : s.entries) {
        if (e.key == "from") p.from = e.value;
        else if (e.key == "default_owner") p.default_owner = e.value;
        else if (e.key == "write_off_approval_over") p.write_off_approval_over = e.value.empty() ? "" : amount_value(e);
        else unknown_key(e, s, "from, default_owner, write_off_approval_over");
      }
    } else if (s.name.rfind("level ", 0) == 0) {
      engine::DunningLevel l;
      std::string n = s.name.substr(6);
      auto [q, ec] = std::from_chars(n.data(), n.data() + n.size(), l.level);
      if (ec != std::errc() || q != n.data() + n.size() || l.level < 1)
        bad(s.where, "a level section is [level N] with N a whole number from 1, not [" + s.name + "]");
      bool has_template = false;
      for (const auto& e : s.entries) {
        if (e.key == "days") l.days = int_value(e, 1);
        else if (e.key == "template") {
          if (e.value.empty()) bad(e.where, "template must name a file");
          l.template_name = e.value;
          has_template = true;
          if (!p.find_template(e.value)) p.templates.push_back(load(e.value, e.where));
        } else if (e.key == "channel") {
          if (e.value != "email" && e.value != "letter") bad(e.where, "channel must be email or letter, not '" + e.value + "'");
          l.channel = e.value;
        } else unknown_key(e, s, "days, template, channel");
      }
      if (!s.find("days")) bad(s.where, "[" + s.name + "] needs days = N (days past due that reach it)");
      if (!has_template) bad(s.where, "[" + s.name + "] needs template = FILE");
      p.levels.push_back(std::move(l));
    } else if (s.name.rfind("escalate ", 0) == 0) {
      engine::EscalationRule r;
      r.name = s.name.substr(9);
      for (const auto& e : s.entries) {
        if (e.key == "min_days") r.min_days = int_value(e, 0);
        else if (e.key == "min_amount") r.min_amount = amount_value(e);
        else if (e.key == "owner") r.owner = e.value;
        else unknown_key(e, s, "min_days, min_amount, owner");
      }
      if (r.owner.empty()) bad(s.where, "[" + s.name + "] needs owner = NAME");
      p.escalations.push_back(std::move(r));
    } else if (s.name == "credit") {
      for (const auto& e : s.entries) {
        if (e.key == "hold_days_past_due") p.credit.hold_days_past_due = int_value(e, 1);
        else unknown_key(e, s, "hold_days_past_due");
      }
    }
    // Other sections are kept as read, for the commands that define them.
  }
  std::sort(p.levels.begin(), p.levels.end(), [](const auto& a, const auto& b) { return a.level < b.level; });
  for (std::size_t i = 1; i < p.levels.size(); ++i) {
    if (p.levels[i].days <= p.levels[i - 1].days) {
      const auto* s = p.section("level " + std::to_string(p.levels[i].level));
      bad(s->find("days")->where, "level " + std::to_string(p.levels[i].level) + " must need more days past due than level " +
                                      std::to_string(p.levels[i - 1].level) + " (" + std::to_string(p.levels[i - 1].days) + ")");
    }
  }
  return p;
}

CollectionsPolicy read_collections_policy(const std::string& path) {
  auto slurp = [](const std::string& f, const SourceLocation& where, const char* what) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      if (where.file.empty()) throw Error(ErrorKind::kInput, std::string("cannot read ") + what + " '" + f + "'");
      bad(where, std::string("cannot read ") + what + " '" + f + "'");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  std::string text = slurp(path, {}, "policy file");
  std::string dir;
  if (auto slash = path.rfind('/'); slash != std::string::npos) dir = path.substr(0, slash + 1);
  return parse_collections_policy(text, path, [&](const std::string& name, const SourceLocation& where) {
    std::string file = !name.empty() && name[0] == '/' ? name : dir + name;
    return PolicyTemplate{name, file, slurp(file, where, "template")};
  });
}

std::string_view builtin_policy_file(std::string_view name) {
  for (const auto& f : kBuiltin)
    if (name == f.name) return f.text;
  return {};
}

CollectionsPolicy default_collections_policy() {
  return parse_collections_policy(builtin_policy_file("policy.ini"), "(built-in policy)",
                                  [](const std::string& name, const SourceLocation& where) {
                                    auto text = builtin_policy_file(name);
                                    if (text.empty()) bad(where, "no built-in template '" + name + "'");
                                    return PolicyTemplate{name, "(built-in " + name + ")", std::string(text)};
                                  });
}

}  // namespace otc::import
