package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing then reading gives an equal value, for every document type, and the text is stable
 * (writing what was read gives the same text). Seeded: QuickTheories prints the failing seed.
 */
class DocumentRoundTripProperties {

  @Test
  void accessData() {
    roundTrip(RandomDocuments::accessData, AccessDataJson.DOCUMENT::write, AccessDataJson.DOCUMENT::read);
  }

  @Test
  void team() {
    roundTrip(RandomDocuments::team, AssignmentTeamJson.DOCUMENT::write, AssignmentTeamJson.DOCUMENT::read);
  }

  @Test
  void policy() {
    roundTrip(RandomDocuments::policy, PolicyJson.DOCUMENT::write, PolicyJson.DOCUMENT::read);
  }

  @Test
  void assignmentState() {
    roundTrip(RandomDocuments::state, AssignmentStateJson.DOCUMENT::write, AssignmentStateJson.DOCUMENT::read);
  }

  @Test
  void rfmModel() {
    roundTrip(RandomDocuments::rfmModel, RfmModelJson.DOCUMENT::write, RfmModelJson.DOCUMENT::read);
  }

  @Test
  void clvModel() {
    roundTrip(RandomDocuments::clvModel, ClvModelJson.DOCUMENT::write, ClvModelJson.DOCUMENT::read);
  }

  @Test
  void assignmentRules() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      AssignmentTeamJson.Team team = RandomDocuments.team(r);
      AssignmentRules rules = RandomDocuments.rules(r, team);
      String json = AssignmentRulesJson.write(rules);
      AssignmentRules back = AssignmentRulesJson.read(json, team);
      assertThat(back.entries()).as("seed %s", seed).isEqualTo(rules.entries());
      assertThat(back.defaultOwner()).isEqualTo(rules.defaultOwner());
      assertThat(back.territories()).isEqualTo(rules.territories());
      assertThat(back.productLines()).isEqualTo(rules.productLines());
      assertThat(AssignmentRulesJson.write(back)).isEqualTo(json);
    });
  }

  @Test
  void segmentRules() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      int tiles = 2 + r.nextInt(8);
      SegmentRules rules = RandomDocuments.segmentRules(r, tiles);
      String json = SegmentRulesJson.write(rules, false);
      SegmentRules back = SegmentRulesJson.read(json);
      assertThat(back.tiles()).isEqualTo(rules.tiles());
      assertThat(back.rules()).as("seed %s", seed).isEqualTo(rules.rules());
      assertThat(SegmentRulesJson.write(back, false)).isEqualTo(json);
    });
  }

  @Test
  void everySourceReadsTheSameDocument(@TempDir Path dir) throws Exception {
    RfmModel model = RandomDocuments.rfmModel(new Random(1));
    String json = RfmModelJson.DOCUMENT.write(model);
    Path file = Files.writeString(dir.resolve("model.json"), json);
    assertThat(RfmModelJson.DOCUMENT.read(file)).isEqualTo(model);
    assertThat(RfmModelJson.DOCUMENT.read(new StringReader(json))).isEqualTo(model);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThat(RfmModelJson.DOCUMENT.read(new ByteArrayInputStream(bytes))).isEqualTo(model);
    assertThat(RfmModelJson.DOCUMENT.format()).isEqualTo(RfmModelJson.FORMAT);
    ClvModel clv = RandomDocuments.clvModel(new Random(2));
    assertThat(ClvModelJson.DOCUMENT.read(new StringReader(ClvModelJson.DOCUMENT.write(clv)))).isEqualTo(clv);
    AssignmentState state = RandomDocuments.state(new Random(3));
    Path stateFile = Files.writeString(dir.resolve("state.json"), AssignmentStateJson.DOCUMENT.write(state));
    assertThat(AssignmentStateJson.DOCUMENT.read(stateFile)).isEqualTo(state);
  }

  private static <T> void roundTrip(Function<Random, T> generate, Function<T, String> write,
      Function<String, T> read) {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      T value = generate.apply(new Random(seed));
      String json = write.apply(value);
      T back = read.apply(json);
      assertThat(back).as("seed %s:%n%s", seed, json).isEqualTo(value);
      assertThat(write.apply(back)).isEqualTo(json);
    });
  }
}
