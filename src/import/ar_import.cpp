#include "otc/import/ar_import.hpp"

namespace otc::import {
namespace {

std::vector<std::string> read_header(CsvReader& reader, const std::string& display_name) {
  if (!reader.next())
    throw core::Error(core::ErrorKind::kInput, "file is empty (expected a header row)", {display_name, 1, 0});
  std::vector<std::string> header;
  for (std::size_t i = 0; i < reader.size(); ++i) header.emplace_back(reader.field(i));
  return header;
}

}  // namespace

ArImportFile::ArImportFile(const ImportOptions& opt)
    : display_name_(opt.display_name),
      settings_(settings_with_mapping(opt.settings, opt.mapping)),
      reader_(opt.path, settings_.delimiter),
      header_(read_header(reader_, opt.display_name)),
      map_(ColumnMap::resolve(opt.kind, opt.profile, opt.mapping, header_, opt.display_name)),
      parser_(map_, settings_) {}

core::Issue ArImportFile::issue(std::string_view field, std::string message) const {
  core::Issue is = issue_at(reader_, field.empty() ? 0 : map_.column(field), std::move(message));
  is.where.file = display_name_;
  return is;
}

}  // namespace otc::import
