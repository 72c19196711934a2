package org.crmkit.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.User;
import org.crmkit.examples.csv.Csv;
import org.crmkit.json.AccessData;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.PolicyJson;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit access}: checks and tabulates permissions from a policy and a data file. */
@Command(name = "access", mixinStandardHelpOptions = true,
    description = "Checks permissions of a policy (crmkit.policy/1) on users and records"
        + " (crmkit.access-data/1).",
    subcommands = {AccessCommand.Check.class, AccessCommand.Matrix.class})
final class AccessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Crmkit.EXIT_INVALID_INPUT;
  }

  /** The policy and data files, read and compiled. */
  static final class Loaded {
    final AccessData data;
    final AccessPolicy policy;

    Loaded(Path policyFile, Path dataFile) {
      this.data = AccessDataJson.read(read(dataFile, "data"));
      this.policy = PolicyJson.read(read(policyFile, "policy"), data.organisation());
    }

    User user(String id) {
      for (User u : data.organisation().users()) {
        if (u.id().value().equals(id)) {
          return u;
        }
      }
      throw new InvalidInputException(List.of("--user: unknown user '" + id + "' in the data file"));
    }

    AccessRecord record(String id, String type) {
      List<AccessRecord> found = new ArrayList<>();
      for (AccessRecord r : data.records()) {
        if (r.id().equals(id) && (type == null || r.type().name().equals(type))) {
          found.add(r);
        }
      }
      if (found.isEmpty()) {
        throw new InvalidInputException(List.of("--record: unknown record '" + id + "'"
            + (type == null ? "" : " of type '" + type + "'") + " in the data file"));
      }
      if (found.size() > 1) {
        throw new InvalidInputException(List.of("--record: '" + id + "' names records of several"
            + " types; add --type"));
      }
      return found.get(0);
    }

    private static String read(Path file, String what) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidInputException(
            List.of("cannot read the " + what + " file '" + file + "': " + e));
      }
    }
  }

  static Action action(String label) {
    try {
      return Action.parse(label);
    } catch (CrmException e) {
      throw new InvalidInputException(List.of("--action: " + e.getMessage()));
    }
  }

  /** {@code crmkit access check}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Prints ALLOW or DENY and the explanation; exit status 0 for both.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--policy", required = true, description = "policy document (JSON)")
    Path policy;

    @Option(names = "--data", required = true, description = "users and records (JSON)")
    Path data;

    @Option(names = "--user", required = true, description = "user id")
    String user;

    @Option(names = "--action", required = true,
        description = "create, read, update, delete, assign, share or export")
    String action;

    @Option(names = "--record", required = true, description = "record id")
    String record;

    @Option(names = "--type", description = "record type, when the id is not unique")
    String type;

    @Override
    public Integer call() {
      Action a = action(action);
      Loaded loaded = new Loaded(policy, data);
      AccessDecision d = loaded.policy.check(loaded.user(user), a, loaded.record(record, type));
      PrintWriter out = spec.commandLine().getOut();
      out.println(d.allowed() ? "ALLOW" : "DENY");
      out.println("  basis: " + d.basis().name().toLowerCase(java.util.Locale.ROOT)
          + d.ruleId().map(r -> " (" + r + ")").orElse(""));
      for (String line : d.reasons()) {
        out.println("  " + line);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code crmkit access matrix}. */
  @Command(name = "matrix", mixinStandardHelpOptions = true,
      description = "Writes user_id,record_id,action,decision for every user, record and action.")
  static final class Matrix implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--policy", required = true, description = "policy document (JSON)")
    Path policy;

    @Option(names = "--data", required = true, description = "users and records (JSON)")
    Path data;

    @Option(names = "--output", required = true, description = "the CSV file to write")
    Path output;

    @Option(names = "--actions", split = ",",
        description = "actions to tabulate (default: all seven)")
    List<String> actions;

    @Override
    public Integer call() throws IOException {
      List<Action> acts = new ArrayList<>();
      if (actions == null || actions.isEmpty()) {
        acts.addAll(List.of(Action.values()));
      } else {
        for (String s : actions) {
          acts.add(action(s));
        }
      }
      Loaded loaded = new Loaded(policy, data);
      Path dir = output.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, ".crmkit-matrix", ".csv");
      long rows = 0;
      try {
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          Csv.writeRow(w, List.of("user_id", "record_id", "action", "decision"));
          for (User u : loaded.data.organisation().users()) {
            for (AccessRecord r : loaded.data.records()) {
              for (Action a : acts) {
                Csv.writeRow(w, List.of(u.id().value(), r.id(), a.label(),
                    loaded.policy.isAllowed(u, a, r) ? "ALLOW" : "DENY"));
                rows++;
              }
            }
          }
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      spec.commandLine().getOut().println("wrote " + rows + " rows to " + output);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
