// Evidence per receipt, independent of open balances (so it is gathered in parallel, before the
// passes): who paid (bank account on file, exact or similar name), which invoices the remittance
// references (structured fields, end-to-end id, free text), and for a reference that does not
// fit, its one-typo variants.
#include <algorithm>
#include <cstring>

#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

const NameResult& EvidenceWorker::identify_name(const std::string& payer_name) {
  auto it = name_cache.find(payer_name);
  if (it != name_cache.end()) return it->second;
  NameResult r;
  books.names.lookup(payer_name, name_hits, name_scratch, 0.6, Evidence::kMaxNames);
  for (std::size_t i = 0; i < name_hits.size() && i < static_cast<std::size_t>(Evidence::kMaxNames); ++i) {
    r.names[i] = name_hits[i].owner;
    r.scores[i] = static_cast<float>(name_hits[i].score);
    ++r.count;
  }
  if (!name_hits.empty()) {
    const NameHit& top = name_hits[0];
    const double second = name_hits.size() > 1 ? name_hits[1].score : 0.0;
    if (top.exact && second < 1.0) {
      r.payer = PayerMatch::kName;
      r.customer = top.owner;
      r.score = 1.0f;
    } else if (top.score >= options.name_threshold && top.score - second >= options.name_margin) {
      r.payer = PayerMatch::kFuzzyName;
      r.customer = top.owner;
      r.score = static_cast<float>(top.score);
    } else if (top.score >= options.name_threshold) {
      r.payer = PayerMatch::kAmbiguous;
    }
  }
  return name_cache.emplace(payer_name, r).first->second;
}

// Wire texts print the payer's address after its name ("B/O: ACME CORP NEW YORK NY 10001"): when
// the name as given fits nobody and ends with a US state code, the longest leading part (the city
// and state dropped) that is exactly one customer's name is the payer.
const NameResult& EvidenceWorker::payer_with_address(const std::string& payer_name) {
  const NameResult& whole = identify_name(payer_name);
  if (whole.payer != PayerMatch::kNone) return whole;
  static constexpr std::string_view kStates[] = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
      "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
      "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"};
  std::vector<std::string_view> words;
  std::string_view rest = payer_name;
  while (!rest.empty()) {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
    std::size_t e = rest.find_first_of(" ,");
    if (e == std::string_view::npos) e = rest.size();
    if (e > 0) words.push_back(rest.substr(0, e));
    rest.remove_prefix(e);
  }
  if (words.size() < 3) return whole;
  std::string last;
  for (char c : words.back()) last += static_cast<char>((c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c);
  if (std::find(std::begin(kStates), std::end(kStates), last) == std::end(kStates)) return whole;
  std::vector<std::uint32_t> owners;
  for (std::size_t n = words.size() - 2; n >= 1; --n) {
    std::string head;
    for (std::size_t i = 0; i < n; ++i) head += (i ? " " : "") + std::string(words[i]);
    owners.clear();
    books.names.exact_owners(normalize_name(head), owners);
    if (owners.size() == 1) return identify_name(head);
    if (owners.size() > 1) break;
  }
  return whole;
}

void EvidenceWorker::payer_in_text(const std::string& text, Evidence& e) {
  const std::vector<std::uint32_t> owners = customers_named_in_text(books.names, text);
  if (owners.size() == 1) {
    e.payer = PayerMatch::kName;
    e.customer = owners[0];
    e.name_score = 1.0f;
    e.payer_given = true;
    return;
  }
  if (owners.size() > 1) return;  // several customers named: nobody
  const std::vector<std::string> spans = name_spans(text);
  for (std::size_t k = 0; k < spans.size() && k < 2; ++k) {
    const std::string& span = k == 0 ? spans.front() : spans.back();
    if (k == 1 && spans.size() == 1) break;
    if (span.size() < 6 || span.find(' ') == std::string::npos) continue;
    const NameResult& nr = identify_name(span);
    if (nr.payer == PayerMatch::kFuzzyName || nr.payer == PayerMatch::kName) {
      e.payer = PayerMatch::kFuzzyName;
      e.customer = nr.customer;
      e.name_score = nr.score;
      e.payer_given = true;
      return;
    }
  }
  // A company name that is none of ours ("LEBORCO PARTNERS LLC Bill 2025-755"): someone else paid,
  // as much as a payer field with an unknown name says. Not in labelled text (`ORIG CO NAME:`,
  // `BNF=`): the bank reader has read the payer's label, and the other labels name the
  // beneficiary (ourselves), banks and descriptions.
  if (text.find_first_of(":=") != std::string::npos) return;
  for (const std::string& span : spans) {
    const std::size_t words = static_cast<std::size_t>(std::count(span.begin(), span.end(), ' ')) + 1;
    const std::string norm = normalize_name(span);
    const std::size_t kept = norm.empty() ? 0 : static_cast<std::size_t>(std::count(norm.begin(), norm.end(), ' ')) + 1;
    if (words >= 2 || kept < words) {
      e.payer_given = true;
      return;
    }
  }
}

void EvidenceWorker::add_hit(Evidence& e, std::uint32_t invoice, RefContext ctx, std::uint8_t flags) {
  for (int i = 0; i < e.hit_count; ++i) {
    Hit& h = e.hits[i];
    if (h.invoice != invoice) continue;
    // Keep the strongest sighting of the same invoice.
    if (static_cast<int>(ctx) < static_cast<int>(h.context)) h.context = ctx;
    if ((flags & kFuzzy) == 0 && (h.flags & kFuzzy) != 0) h.flags = flags;
    else h.flags |= (flags & kFullForm);
    return;
  }
  if (e.hit_count < Evidence::kMaxHits) e.hits[e.hit_count++] = Hit{invoice, ctx, flags};
}

void EvidenceWorker::gather(const domain::BankTransaction& t, Evidence& e) {
  // Payer.
  // An account that is on nobody's file says nothing about who paid; a name that fits no
  // customer says it was someone we do not know.
  e.payer_given = !t.payer_name.empty();
  std::uint32_t by_account = kNone;
  if (!t.payer_account.empty()) {
    buf.clear();
    append_compact(t.payer_account, buf);
    if (!buf.empty()) {
      auto owners = books.by_account.find(hash_bytes(buf));
      std::uint32_t first = kNone;
      bool unique = true;
      for (std::uint32_t c : owners) {
        if (first == kNone) first = c;
        else if (c != first) unique = false;
      }
      if (first != kNone && unique) by_account = first;
      if (first == kNone && buf.size() >= kAccountTail) {
        // Not on file as printed: an account on file that ends with it, or that it ends with.
        auto ends_with = [](std::string_view a, std::string_view b) {
          return a.size() >= b.size() && a.substr(a.size() - b.size()) == b;
        };
        const std::string_view payer(buf);
        for (std::uint32_t c : books.by_account_tail.find(hash_bytes(payer.substr(payer.size() - kAccountTail)))) {
          bool agrees = false;
          for (const std::string& account : books.customers[c].bank_accounts) {
            buf2.clear();
            append_compact(account, buf2);
            agrees = agrees || ends_with(buf2, payer) || ends_with(payer, buf2);
          }
          if (!agrees || c == first) continue;
          if (first == kNone) first = c;
          else unique = false;
        }
        if (first != kNone && unique) by_account = first;
      }
    }
  }
  if (!t.payer_name.empty()) {
    const NameResult& nr = payer_with_address(t.payer_name);
    e.payer = nr.payer;
    e.customer = nr.customer;
    e.name_score = nr.score;
    e.name_count = nr.count;
    for (int i = 0; i < nr.count; ++i) {
      e.names[i] = nr.names[i];
      e.name_scores[i] = nr.scores[i];
    }
  }
  // No payer field: a customer's name inside the free text (exactly, as a whole run of name words),
  // else the first or last run of name words scored like a payer name.
  if (t.payer_name.empty() && by_account == kNone && !t.remittance_text.empty()) {
    payer_in_text(t.remittance_text, e);
  }
  if (by_account != kNone) {
    e.account_other = e.customer != kNone && e.customer != by_account;
    e.payer = PayerMatch::kAccount;
    e.customer = by_account;
  }

  // References: structured first, then the payer's end-to-end id and the free text.
  cands.clear();
  for (const std::string& r : t.remittance_refs) extract_references(r, true, cands);
  if (!t.end_to_end_id.empty() && t.end_to_end_id != "NOTPROVIDED")
    extract_references(t.end_to_end_id, false, cands);
  // SWIFT-style tags ("/ORDP/ACME/ACCT/123456/REMI/INV 9") separate fields: read them as words, so
  // that the account after /ACCT/ is not glued to the invoice number after /REMI/.
  if (t.remittance_text.find('/') != std::string::npos) {
    buf.assign(t.remittance_text);
    for (std::string_view tag : {"/ORDP/", "/ORDR/", "/REMI/", "/ACCT/", "/IBAN/", "/NAME/", "/EREF/", "/BENM/", "/TRTP/", "/BIC/",
                                 "/CNTP/", "/ULTD/", "/PURP/", "/ADDR/"}) {
      for (std::size_t p = buf.find(tag); p != std::string::npos; p = buf.find(tag, p)) {
        buf[p] = ' ';
        buf[p + tag.size() - 1] = ' ';
        p += tag.size();
      }
    }
    extract_references(buf, false, cands);
  } else {
    extract_references(t.remittance_text, false, cands);
  }
  e.candidate_count = static_cast<std::uint8_t>(std::min<std::size_t>(cands.size(), 255));

  const auto currency = static_cast<std::uint32_t>(currency_bits(t.currency));
  bool amount_agrees = false;
  bool all_own = e.customer != kNone;  // every reference names an invoice of the identified payer
  for (const RefCandidate& c : cands) {
    bool own = false;
    if (c.context != RefContext::kBare && e.ref_count < Evidence::kMaxRefs &&
        c.digits_len <= Evidence::kRefLen) {
      std::memcpy(e.refs[e.ref_count], c.digits, c.digits_len);
      e.ref_len[e.ref_count++] = c.digits_len;
    }
    const std::uint64_t key_hash = hash_bytes(c.key_view());
    for (std::uint32_t i : books.by_key.find(key_hash)) {
      const Books::Hot& hot = books.hot[i];
      std::uint8_t flags = 0;
      if (hot.key_hash != key_hash) {  // found through the last digit run only
        if (c.context == RefContext::kBare) continue;
        flags |= kLastRun;
      }
      buf2.clear();
      append_compact(books.invoices[i].number, buf2);
      if (buf2 == c.compact_view()) flags |= kFullForm;
      add_hit(e, i, c.context, flags);
      if (hot.currency == currency && hot.open == t.amount_minor) amount_agrees = true;
      if (hot.customer == e.customer) own = true;
    }
    if (c.context != RefContext::kBare && !own) all_own = false;
  }
  // A round amount agrees by chance too often: then look for typo variants all the same.
  const bool common = books.by_amount
                          .find(hash_pair(currency, static_cast<std::uint64_t>(t.amount_minor)))
                          .size() > static_cast<std::size_t>(kCommonAmount);
  if (amount_agrees && !common) return;
  // Nothing to correct when every reference names the payer's own invoice, or they add up.
  if (all_own) return;
  std::int64_t strong_sum = 0;
  int strong_count = 0;
  for (int i = 0; i < e.hit_count; ++i) {
    const Books::Hot& hot = books.hot[e.hits[i].invoice];
    if (e.hits[i].context == RefContext::kBare) continue;
    strong_sum += hot.open;
    ++strong_count;
  }
  if (strong_count >= 2 && strong_sum == t.amount_minor) return;

  // A typo: look up every one-edit variant of the non-bare references. Keep a variant hit when
  // its amount agrees, or when it belongs to the payer or to a customer already referenced.
  std::uint32_t referenced_customer = kNone;
  bool single_customer = true;
  for (int i = 0; i < e.hit_count; ++i) {
    const std::uint32_t c = books.hot[e.hits[i].invoice].customer;
    if (e.hits[i].context == RefContext::kBare) continue;
    if (referenced_customer == kNone) referenced_customer = c;
    else if (c != referenced_customer) single_customer = false;
  }
  if (!single_customer) referenced_customer = kNone;
  for (const RefCandidate& c : cands) {
    if (c.context == RefContext::kBare || c.digits_len < 3) continue;
    if (std::memchr(c.key, '-', c.key_len) != nullptr) continue;
    for_each_digit_edit(c.digits_view(), [&](std::string_view variant) {
      std::size_t z = 0;
      while (z + 1 < variant.size() && variant[z] == '0') ++z;
      const std::string_view vkey = variant.substr(z);
      if (vkey == c.key_view()) return;
      const std::uint64_t vhash = hash_bytes(vkey);
      for (std::uint32_t i : books.by_key.find(vhash)) {
        const Books::Hot& hot = books.hot[i];
        if (hot.currency != currency || hot.key_hash != vhash) continue;
        const std::uint32_t owner = hot.customer;
        const bool agrees = hot.open == t.amount_minor ||
                            within_tolerance(hot.open, t.amount_minor, options.tolerance, t.currency.exponent);
        const bool related = owner != kNone && (owner == e.customer || owner == referenced_customer);
        if (agrees || related) add_hit(e, i, c.context, kFuzzy);
      }
    });
  }
}

}  // namespace otc::engine::matching_detail
