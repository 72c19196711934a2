package org.crmkit.examples.cli;

import picocli.CommandLine.Command;

/** {@code crmkit hierarchy}: commands over hierarchies read from CSV files. */
@Command(name = "hierarchy", mixinStandardHelpOptions = true,
    description = "Hierarchy commands (parent/child tables).",
    subcommands = {HierarchyRollupCommand.class})
final class HierarchyCommand {}
