package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crmkit.core.lifecycle.BusinessProcess;
import org.crmkit.core.lifecycle.ContactStages;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.LeadTemperature;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.json.MachineJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit lifecycle}: diagrams and event-log replay for lifecycle state machines. */
@Command(name = "lifecycle", mixinStandardHelpOptions = true,
    description = "Lifecycle state machines: print a diagram, replay an event log.",
    subcommands = {LifecycleDiagramCommand.class, LifecycleReplayCommand.class})
final class LifecycleCommand implements java.util.concurrent.Callable<Integer> {

  /** The built-in machines by the name the command line accepts. */
  static final Map<String, Supplier<Machine>> BUILT_IN = builtIns();

  private static Map<String, Supplier<Machine>> builtIns() {
    Map<String, Supplier<Machine>> m = new LinkedHashMap<>();
    m.put(CustomerLifecycle.NAME, CustomerLifecycle::machine);
    m.put(SalesFunnel.NAME, SalesFunnel::machine);
    m.put(LeadTemperature.NAME, LeadTemperature::machine);
    m.put(BusinessProcess.NAME, BusinessProcess::machine);
    m.put(ContactStages.NAME, ContactStages::machine);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Where the machine comes from: a built-in name or a JSON definition file. */
  static final class Source {
    @Option(names = "--machine", paramLabel = "NAME",
        description = "A built-in machine: customer-lifecycle, sales-funnel, lead-temperature, "
            + "business-process, contact-stages.")
    String machine;

    @Option(names = "--definition", paramLabel = "FILE",
        description = "A JSON machine definition (format crmkit.lifecycle/1).")
    Path definition;

    /**
     * The machine, with every guard name bound to a guard that holds (a diagram needs only the
     * names; a replayed log records events that happened, so their guards held).
     */
    Machine load() {
      if (machine != null) {
        Supplier<Machine> builtIn = BUILT_IN.get(machine);
        if (builtIn == null) {
          throw new InvalidInputException(List.of("unknown machine '" + machine
              + "'; built-in machines: " + String.join(", ", BUILT_IN.keySet())));
        }
        return MachineJson.read(MachineJson.write(builtIn.get()), GuardRegistry.assumeSatisfied());
      }
      return MachineJson.read(readFile(definition), GuardRegistry.assumeSatisfied());
    }
  }

  @Spec CommandSpec spec;

  /** Without a sub-command: prints the usage to standard error; status 2. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: missing sub-command (diagram or replay)");
    spec.commandLine().usage(spec.commandLine().getErr());
    return Crmkit.EXIT_INVALID_INPUT;
  }

  static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(List.of("cannot read " + file + ": "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString())));
    }
  }
}
