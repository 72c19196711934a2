package org.crmkit.examples.cli;

import java.util.concurrent.Callable;
import org.crmkit.core.lifecycle.Machine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit lifecycle diagram}: prints a machine as Mermaid or Graphviz DOT. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
    description = "Prints the diagram of a built-in machine or of a JSON definition.")
final class LifecycleDiagramCommand implements Callable<Integer> {
  enum Format { mermaid, dot }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  LifecycleCommand.Source source;

  @Option(names = "--format", defaultValue = "mermaid", paramLabel = "FORMAT",
      description = "mermaid (stateDiagram-v2, the default) or dot (Graphviz).")
  Format format;

  @Override
  public Integer call() {
    Machine m = source.load();
    spec.commandLine().getOut().print(format == Format.dot ? m.toDot() : m.toMermaid());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
