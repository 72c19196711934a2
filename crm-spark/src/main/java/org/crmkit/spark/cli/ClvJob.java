package org.crmkit.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crmkit-spark clv}: lifetime-value commands. */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = "Customer lifetime value on Spark.",
    subcommands = {CommandLine.HelpCommand.class})
final class ClvJob {}
