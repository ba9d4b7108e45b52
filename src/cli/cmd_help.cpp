#include <iostream>

#include "command_table.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"

namespace otc::cli {

void install_help(CLI::App& parent, Context& ctx) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = add_command(parent, "help");
  cmd->add_option("COMMAND", *topic, "the command to explain");
  cmd->callback([&parent, &ctx, topic] {
    if (topic->empty()) {
      ctx.output() << help_text();
      ctx.commit_output();
      return;
    }
    for (const auto& c : command_table())
      if (is_top_level(c) && *topic == c.path) {
        ctx.output() << parent.get_subcommand(c.path)->help();
        ctx.commit_output();
        return;
      }
    std::vector<std::string> names;
    for (const auto& c : command_table())
      if (is_top_level(c)) names.emplace_back(c.path);
    throw core::Error(core::ErrorKind::kUsage, "unknown command '" + *topic + "'", {}, did_you_mean(*topic, names));
  });
}

}  // namespace otc::cli
