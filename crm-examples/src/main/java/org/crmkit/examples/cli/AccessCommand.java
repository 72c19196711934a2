package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.examples.csv.Csv;
import org.crmkit.json.AccessData;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.PolicyJson;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.PolicyDefinitions;
import org.jspecify.annotations.Nullable;
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
    /** The policy's custom object types; the standard ones are known without them. */
    List<ObjectType> customTypes = List.of();

    /**
     * Null if the policy knows the object type {@code name}, else why not ("unknown object type
     * 'Customer'; did you mean 'customer'? known: [...]").
     */
    @Nullable String unknownType(String name) {
      try {
        ObjectType.known(name, customTypes);
        return null;
      } catch (CrmException e) {
        return e.getMessage();
      }
    }

    /**
     * Reads, parses and cross-checks both files, reporting the problems of both in one run: the
     * data's, the policy document's, the policy's references into the data (when the data is
     * valid) and the data's record types (when both are valid). When the data is invalid, the
     * policy is still checked on its own, against an organisation holding exactly the org units
     * and users the policy names, so that a reference into the invalid data is not reported as
     * a false "unknown org unit"; a last line says that those references were not checked.
     */
    Loaded(Path policyFile, Path dataFile) {
      // both files are read (and decoded) before either is parsed, so that path and encoding
      // problems of both are reported together
      List<String> problems = new ArrayList<>();
      String dataText = null;
      String policyText = null;
      try {
        dataText = read(dataFile, "data");
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
      try {
        policyText = read(policyFile, "policy");
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
      if (dataText == null || policyText == null) {
        throw new InvalidInputException(problems);
      }
      AccessData parsed = null;
      try {
        parsed = AccessDataJson.DOCUMENT.read(dataText);
      } catch (InvalidDefinitionException e) {
        problems.addAll(InputProblems.describe("--data", dataFile, e, ""));
      }
      PolicyDefinitions document = null;
      try {
        document = PolicyJson.DOCUMENT.read(policyText);
      } catch (InvalidDefinitionException e) {
        problems.addAll(InputProblems.describe("--policy", policyFile, e, ""));
      }
      AccessPolicy compiled = null;
      if (document != null) {
        customTypes = List.copyOf(document.objectTypes());
        Organisation organisation;
        try {
          organisation = parsed != null ? parsed.organisation() : namedBy(document);
        } catch (CrmException e) {
          // a name the policy uses cannot be an id (the document's own problems say so)
          organisation = null;
        }
        if (organisation != null) {
          try {
            compiled = PolicyJson.compile(document, organisation);
          } catch (InvalidDefinitionException e) {
            problems.addAll(InputProblems.describe("--policy", policyFile, e, ""));
          }
        }
        if (parsed == null) {
          problems.add(InputProblems.notChecked("the policy's references to org units and users",
              "data"));
        } else {
          for (int i = 0; i < parsed.records().size(); i++) {
            AccessRecord r = parsed.records().get(i);
            String unknown = unknownType(r.type().name());
            if (unknown != null) {
              problems.add("--data " + dataFile + ": $.records[" + i + "].type: " + unknown);
            }
          }
        }
      }
      if (!problems.isEmpty() || parsed == null || compiled == null) {
        throw new InvalidInputException(problems);
      }
      this.data = parsed;
      this.policy = compiled;
    }

    /**
     * An organisation in which every org unit and user that {@code policy} names exists (flat,
     * users without roles): for checking a policy whose data document is invalid, so that only
     * the policy's own problems are found.
     */
    private static Organisation namedBy(PolicyDefinitions policy) {
      Set<String> units = new TreeSet<>();
      Set<String> users = new TreeSet<>();
      List<Group> groups = new ArrayList<>();
      for (PolicyDefinitions.Allocation a : policy.allocations()) {
        if (a.orgUnit() != null) {
          units.add(a.orgUnit());
        }
      }
      for (PolicyDefinitions.SharingRule r : policy.sharingRules()) {
        if (r.ownedBy() != null) {
          groups.add(r.ownedBy());
        }
        groups.add(r.sharedWith());
      }
      policy.denies().forEach(d -> groups.add(d.who()));
      policy.manualShares().forEach(m -> groups.add(m.with()));
      for (Group g : groups) {
        switch (g.kind()) {
          case ORG_UNIT, ORG_UNIT_AND_BELOW -> units.add(g.id());
          case USER -> users.add(g.id());
          default -> { }
        }
      }
      if (units.isEmpty()) {
        units.add("unit");
      }
      Hierarchy.Builder<OrgUnitId> tree = Hierarchy.builder();
      units.forEach(u -> tree.root(OrgUnitId.of(u)));
      OrgUnitId home = OrgUnitId.of(units.iterator().next());
      List<User> directory = new ArrayList<>();
      for (String u : users) {
        directory.add(User.builder().id(UserId.of(u)).name(u).orgUnit(home).build());
      }
      return Organisation.of(tree.build(), directory);
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
      String unknown = type == null ? null : unknownType(type);
      if (unknown != null) {
        throw new InvalidInputException(List.of("--type: " + unknown));
      }
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
      return CliFiles.readText(file, "--" + what);
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
    public Integer call() {
      List<Action> acts = new ArrayList<>();
      if (actions == null || actions.isEmpty()) {
        acts.addAll(List.of(Action.values()));
      } else {
        for (String s : actions) {
          acts.add(action(s));
        }
      }
      CliFiles.Outputs.check(output, "--output");
      CliFiles.Outputs outputs = new CliFiles.Outputs();
      long[] rows = {0};
      Loaded loaded = new Loaded(policy, data);
      outputs.add(output, "--output", w -> {
        Csv.writeRow(w, List.of("user_id", "record_id", "action", "decision"));
        for (User u : loaded.data.organisation().users()) {
          for (AccessRecord r : loaded.data.records()) {
            for (Action a : acts) {
              Csv.writeRow(w, List.of(u.id().value(), r.id(), a.label(),
                  loaded.policy.isAllowed(u, a, r) ? "ALLOW" : "DENY"));
              rows[0]++;
            }
          }
        }
      }).commit();
      spec.commandLine().getOut().println("wrote " + rows[0] + " rows to " + output);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
