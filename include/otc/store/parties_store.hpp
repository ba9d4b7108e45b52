#pragma once
// The parties role of the ledger: customers, the payer names learnt for them, their terms.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "otc/domain/ar_records.hpp"
#include "otc/store/records.hpp"

namespace otc::store {

/// A customer as cash matching sees it.
struct CustomerRecord {
  std::int64_t id = 0;
  std::string external_id;
  std::string name;
  std::string bank_account;
};

class PartiesStore {
 public:
  virtual ~PartiesStore() = default;

  virtual PutResult put_customer(const domain::Customer& c, std::uint64_t content_hash, std::int64_t batch_id,
                                 long source_line) = 0;
  /// The customer's id, creating a stub (external id and name only) when it is new.
  virtual std::int64_t ensure_customer(std::string_view external_id, std::string_view name,
                                       std::int64_t batch_id, long source_line) = 0;
  virtual std::optional<std::int64_t> find_customer(std::string_view external_id) = 0;
  /// The customer's payment terms in days, when known.
  virtual std::optional<int> customer_terms(std::int64_t customer_id) = 0;
  virtual void for_each_customer(const std::function<void(const CustomerRecord&)>& fn) = 0;
  virtual void for_each_alias(const std::function<void(std::int64_t customer_id, const std::string& alias)>& fn) = 0;
  virtual void add_alias(std::int64_t customer_id, std::string_view alias, std::string_view source) = 0;
};

}  // namespace otc::store
