package org.crmkit.spring.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.lifecycle.BusinessProcess;
import org.crmkit.core.lifecycle.ContactStages;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.LeadTemperature;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.AssignmentRulesJson;
import org.crmkit.json.AssignmentTeamJson;
import org.crmkit.json.HierarchyJson;
import org.crmkit.json.MachineJson;
import org.crmkit.json.PolicyJson;
import org.crmkit.json.SegmentRulesJson;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Organisation;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Reads and compiles the documents the properties name, collecting every problem. */
final class DefinitionLoader {
  static final Map<String, Supplier<Machine>> BUILT_IN_MACHINES = Map.of(
      "customer-lifecycle", CustomerLifecycle::machine,
      "sales-funnel", SalesFunnel::machine,
      "lead-temperature", LeadTemperature::machine,
      "contact-stages", ContactStages::machine,
      "business-process", BusinessProcess::machine);

  private final CrmkitProperties properties;
  private final ResourceLoader resources;
  private final GuardRegistry guards;

  DefinitionLoader(CrmkitProperties properties, ResourceLoader resources, GuardRegistry guards) {
    this.properties = properties;
    this.resources = resources;
    this.guards = guards;
  }

  /** One consistent set of definitions and the modification times of their files. */
  record Snapshot(@Nullable Organisation organisation, @Nullable AccessPolicy policy,
      Map<String, Machine> machines, @Nullable SegmentRules segmentRules,
      @Nullable AssignmentRules assignmentRules, Map<String, Hierarchy<String>> hierarchies,
      Map<String, Long> fileTimes) {}

  /** Loads everything, or throws one exception listing every problem of every document. */
  Snapshot load() {
    List<Problem> problems = new ArrayList<>();
    Map<String, Long> times = new LinkedHashMap<>();
    Organisation organisation = null;
    String orgLocation = properties.getOrganisation();
    if (orgLocation != null) {
      organisation = read(problems, times, "crmkit.organisation", orgLocation,
          json -> AccessDataJson.DOCUMENT.read(json).organisation());
    }
    AccessPolicy policy = null;
    String policyLocation = properties.getPolicy();
    if (policyLocation != null) {
      if (orgLocation == null) {
        problems.add(new Problem("$", "[crmkit.policy] a policy needs its organisation: set"
            + " crmkit.organisation to a crmkit.access-data/1 document"));
      } else if (organisation != null) {
        Organisation org = organisation;
        policy = read(problems, times, "crmkit.policy", policyLocation, json -> PolicyJson.read(json, org));
      }
    }
    Map<String, Machine> machines = new LinkedHashMap<>();
    properties.getMachines().forEach((name, value) -> {
      Supplier<Machine> builtIn = BUILT_IN_MACHINES.get(value);
      Machine m = builtIn != null ? builtIn.get()
          : read(problems, times, "crmkit.machines." + name, value, json -> MachineJson.read(json, guards));
      if (m != null) {
        machines.put(name, m);
      }
    });
    SegmentRules segmentRules = null;
    String rulesValue = properties.getSegmentRules();
    if (rulesValue != null) {
      segmentRules = switch (rulesValue) {
        case "repaired11" -> BuiltinSegments.repaired11();
        case "standard10" -> BuiltinSegments.standard10();
        default -> read(problems, times, "crmkit.segment-rules", rulesValue, SegmentRulesJson::read);
      };
    }
    AssignmentRules assignmentRules = null;
    String teamLocation = properties.getAssignment().getTeam();
    String assignmentLocation = properties.getAssignment().getRules();
    if (assignmentLocation != null) {
      if (teamLocation == null) {
        problems.add(new Problem("$", "[crmkit.assignment.rules] assignment rules need their team:"
            + " set crmkit.assignment.team to a crmkit.assignment-team/1 document"));
      } else {
        AssignmentTeamJson.Team team =
            read(problems, times, "crmkit.assignment.team", teamLocation,
                AssignmentTeamJson.DOCUMENT::read);
        if (team != null) {
          assignmentRules = read(problems, times, "crmkit.assignment.rules", assignmentLocation,
              json -> AssignmentRulesJson.read(json, team));
        }
      }
    }
    Map<String, Hierarchy<String>> hierarchies = new LinkedHashMap<>();
    properties.getHierarchies().forEach((name, location) -> {
      Hierarchy<String> h = read(problems, times, "crmkit.hierarchies." + name, location,
          json -> HierarchyJson.read(json, key -> key));
      if (h != null) {
        hierarchies.put(name, h);
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException("crmkit definitions", problems);
    }
    return new Snapshot(organisation, policy, Map.copyOf(machines), segmentRules, assignmentRules,
        Map.copyOf(hierarchies), Map.copyOf(times));
  }

  /** Whether a file behind a loaded document has another modification time now. */
  boolean changedSince(Snapshot snapshot) {
    for (Map.Entry<String, Long> e : snapshot.fileTimes().entrySet()) {
      if (new File(e.getKey()).lastModified() != e.getValue()) {
        return true;
      }
    }
    return false;
  }

  @FunctionalInterface
  interface Reader<T> {
    T read(String json);
  }

  private <T> @Nullable T read(List<Problem> problems, Map<String, Long> times, String property,
      String location, Reader<T> reader) {
    String source = "[" + property + " " + location + "] ";
    Resource resource = resources.getResource(location);
    String json;
    try (InputStream in = resource.getInputStream()) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (resource.isFile()) {
        File file = resource.getFile();
        times.put(file.getAbsolutePath(), file.lastModified());
      }
    } catch (IOException e) {
      problems.add(new Problem("$", source + "cannot read the document: " + e.getMessage()));
      return null;
    }
    try {
      return reader.read(json);
    } catch (InvalidDefinitionException e) {
      for (Problem p : e.problems()) {
        problems.add(new Problem(p.location(), source + p.message()));
      }
      return null;
    } catch (CrmException e) {
      problems.add(new Problem("$", source + e.getMessage()));
      return null;
    }
  }
}
