package org.crmkit.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.core.lifecycle.Guard;
import org.crmkit.core.lifecycle.GuardRegistry;

/** Every versioned document: its schema name, reader, example and random writer. */
final class TestDocuments {
  static final Path ROOT = Path.of(System.getProperty("crmkit.data")).getParent();
  static final Path DOCS = ROOT.resolve("docs/schemas");

  private TestDocuments() {}

  /** One versioned document: its schema name, reader, random writer and shapes. */
  record Doc(String name, Class<?> reader, Consumer<String> read,
      Function<Random, String> random, List<Shape> shared) {}

  static final GuardRegistry GUARDS = GuardRegistry.builder()
      .guard("unlocked", Guard.flag("unlocked")).build();

  static final List<Doc> ALL = List.of(
      new Doc("hierarchy-1", HierarchyJson.class, json -> HierarchyJson.readDated(json, s -> s),
          r -> HierarchyJson.write(RandomDocuments.territories(r), t -> t.value()),
          List.of(Nodes.NODE)),
      new Doc("lifecycle-1", MachineJson.class, json -> MachineJson.read(json, GUARDS),
          r -> MachineJson.write(MachineJsonProperties.randomMachine(r.nextLong())), List.of()),
      new Doc("access-data-1", AccessDataJson.class, AccessDataJson.DOCUMENT::read,
          r -> AccessDataJson.DOCUMENT.write(RandomDocuments.accessData(r)), List.of(Nodes.NODE)),
      new Doc("assignment-team-1", AssignmentTeamJson.class, AssignmentTeamJson.DOCUMENT::read,
          r -> AssignmentTeamJson.DOCUMENT.write(RandomDocuments.team(r)), List.of()),
      new Doc("assignment-rules-1", AssignmentRulesJson.class, json -> AssignmentRulesJson.read(
          json, AssignmentTeamJson.DOCUMENT.read(example("assignment-team"))),
          r -> AssignmentRulesJson.write(RandomDocuments.rules(r, RandomDocuments.team(r))),
          List.of(Nodes.NODE)),
      new Doc("assignment-state-1", AssignmentStateJson.class, AssignmentStateJson.DOCUMENT::read,
          r -> AssignmentStateJson.DOCUMENT.write(RandomDocuments.state(r)), List.of()),
      new Doc("policy-1", PolicyJson.class, PolicyJson.DOCUMENT::read,
          r -> PolicyJson.DOCUMENT.write(RandomDocuments.policy(r)), List.of(Groups.GROUP)),
      new Doc("rfm-model-1", RfmModelJson.class, RfmModelJson.DOCUMENT::read,
          r -> RfmModelJson.DOCUMENT.write(RandomDocuments.rfmModel(r)), List.of()),
      new Doc("segment-rules-1", SegmentRulesJson.class, SegmentRulesJson::read,
          r -> SegmentRulesJson.write(RandomDocuments.segmentRules(r, 5), false), List.of()),
      new Doc("clv-model-1", ClvModelJson.class, ClvModelJson.DOCUMENT::read,
          r -> ClvModelJson.DOCUMENT.write(RandomDocuments.clvModel(r)), List.of()),
      new Doc("purchase-model-1", PurchaseModelJson.class, PurchaseModelJson.DOCUMENT::read,
          r -> PurchaseModelJson.DOCUMENT.write(RandomDocuments.purchaseFit(r)), List.of()),
      new Doc("retention-model-1", RetentionModelJson.class, RetentionModelJson.DOCUMENT::read,
          r -> RetentionModelJson.DOCUMENT.write(RandomDocuments.retentionFit(r)), List.of()));

  /** The example document {@code docs/schemas/examples/<name>.json}. */
  static String example(String name) {
    try {
      return Files.readString(DOCS.resolve("examples/" + name + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
