#include <iostream>

#include "command_table.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"

namespace otc::cli {

void install_help(CLI::App& parent, Context& ctx) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand("help", "List the commands, or show one command's help");
  cmd->add_option("COMMAND", *topic, "the command to explain");
  cmd->callback([&parent, &ctx, topic] {
    if (topic->empty()) {
      ctx.output() << help_text();
      ctx.commit_output();
      return;
    }
    for (const auto& c : command_table())
      if (*topic == c.name) {
        ctx.output() << parent.get_subcommand(c.name)->help();
        ctx.commit_output();
        return;
      }
    std::vector<std::string> names;
    for (const auto& c : command_table()) names.emplace_back(c.name);
    throw core::Error(core::ErrorKind::kUsage, "unknown command '" + *topic + "'", {}, did_you_mean(*topic, names));
  });
}

}  // namespace otc::cli
