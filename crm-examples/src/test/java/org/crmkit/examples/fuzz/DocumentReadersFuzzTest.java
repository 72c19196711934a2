package org.crmkit.examples.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.AssignmentRulesJson;
import org.crmkit.json.AssignmentStateJson;
import org.crmkit.json.AssignmentTeamJson;
import org.crmkit.json.ClvModelJson;
import org.crmkit.json.HierarchyJson;
import org.crmkit.json.MachineJson;
import org.crmkit.json.PolicyJson;
import org.crmkit.json.PurchaseModelJson;
import org.crmkit.json.RetentionModelJson;
import org.crmkit.json.RfmModelJson;
import org.crmkit.json.SegmentRulesJson;
import org.crmkit.permissions.Organisation;

/**
 * Coverage-guided fuzz tests (Jazzer) of every document reader (twelve formats): any byte sequence ends in a value
 * or an {@link InvalidDefinitionException}; any other exception, a hang or a stack overflow is a
 * finding. The default build runs the seed corpus under {@code DocumentReadersFuzzTestInputs/}
 * (regression mode); {@code .ci/fuzz} fuzzes each method for a given time through Jazzer's
 * command-line driver and {@link FuzzMain} (see README, "Limits").
 */
class DocumentReadersFuzzTest {
  /** The organisation and team the policy and rules fuzz targets resolve their references in. */
  private static final Organisation ORGANISATION = load(() -> AccessDataJson.DOCUMENT.read(resource(
      "/access/data.json")).organisation());
  private static final AssignmentTeamJson.Team TEAM = load(() -> AssignmentTeamJson.DOCUMENT.read(
      "{\"format\": \"crmkit.assignment-team/1\", \"users\": [{\"id\": \"alice\", \"teams\": "
          + "[\"emea\"]}, {\"id\": \"bob\", \"teams\": [\"emea\"]}]}"));

  interface Reader {
    Object read(InputStream in) throws IOException;
  }

  /** Reads the bytes; an invalid document is an expected outcome, anything else escapes. */
  static void check(byte[] bytes, Reader reader) throws IOException {
    try {
      reader.read(new ByteArrayInputStream(bytes));
    } catch (InvalidDefinitionException expected) {
      // a clear refusal
    }
  }

  @FuzzTest(maxDuration = "5m")
  void accessData(byte[] bytes) throws IOException {
    check(bytes, AccessDataJson.DOCUMENT::read);
  }

  @FuzzTest(maxDuration = "5m")
  void policy(byte[] bytes) throws IOException {
    check(bytes, in -> PolicyJson.compile(PolicyJson.DOCUMENT.read(in), ORGANISATION));
  }

  @FuzzTest(maxDuration = "5m")
  void assignmentTeam(byte[] bytes) throws IOException {
    check(bytes, AssignmentTeamJson.DOCUMENT::read);
  }

  @FuzzTest(maxDuration = "5m")
  void assignmentRules(byte[] bytes) throws IOException {
    check(bytes, AssignmentRulesJson.document(TEAM)::read);
  }

  @FuzzTest(maxDuration = "5m")
  void assignmentState(byte[] bytes) throws IOException {
    check(bytes, AssignmentStateJson.DOCUMENT::read);
  }

  @FuzzTest(maxDuration = "5m")
  void clvModel(byte[] bytes) throws IOException {
    check(bytes, ClvModelJson.DOCUMENT::read);
  }

  @FuzzTest(maxDuration = "5m")
  void hierarchy(byte[] bytes) throws IOException {
    check(bytes, HierarchyJson.<String>document(s -> s, s -> s)::read);
  }

  @FuzzTest(maxDuration = "5m")
  void lifecycle(byte[] bytes) throws IOException {
    check(bytes, MachineJson.document(GuardRegistry.assumeSatisfied())::read);
  }

  @FuzzTest(maxDuration = "5m")
  void rfmModel(byte[] bytes) throws IOException {
    check(bytes, RfmModelJson.DOCUMENT::read);
  }

  @FuzzTest(maxDuration = "5m")
  void segmentRules(byte[] bytes) throws IOException {
    check(bytes, SegmentRulesJson.document(false)::read);
  }

  /** String-only readers get the bytes decoded as UTF-8 (malformed sequences replaced). */
  @FuzzTest(maxDuration = "5m")
  void purchaseModel(byte[] bytes) throws IOException {
    check(bytes, in -> PurchaseModelJson.readAny(new String(in.readAllBytes(), UTF_8)));
  }

  @FuzzTest(maxDuration = "5m")
  void retentionModel(byte[] bytes) throws IOException {
    check(bytes, in -> RetentionModelJson.DOCUMENT.read(new String(in.readAllBytes(), UTF_8)));
  }

  interface Loader<T> {
    T load() throws IOException;
  }

  private static <T> T load(Loader<T> loader) {
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DocumentReadersFuzzTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
