package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.crmkit.core.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

/**
 * Every reader ends in a value or an {@link InvalidDefinitionException}, never another exception,
 * on mutated examples (characters deleted, duplicated, replaced with JSON punctuation or values).
 * A cheap complement to coverage-guided fuzzing; seeded, QuickTheories prints the failing seed.
 */
class MutatedDocumentProperties {
  private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true",
      "-1", "0", "1e999", "1e9999999999", "\"\"", " ", "\"x\"", "[]", "{}", "\uFEFF",
      "\"P999999999999D\"",
      "\"9999-12-31T23:59:59Z\""};

  @Test
  void readersOnlyEverThrowInvalidDefinitionException() {
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      TestDocuments.Doc d = TestDocuments.ALL.get(r.nextInt(TestDocuments.ALL.size()));
      StringBuilder json = new StringBuilder(
          TestDocuments.example(d.name().substring(0, d.name().length() - 2)));
      for (int k = 1 + r.nextInt(4); k > 0; k--) {
        int at = r.nextInt(json.length());
        switch (r.nextInt(3)) {
          case 0 -> json.delete(at, Math.min(json.length(), at + 1 + r.nextInt(8)));
          case 1 -> json.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
          default -> json.replace(at, Math.min(json.length(), at + 1 + r.nextInt(4)),
              TOKENS[r.nextInt(TOKENS.length)]);
        }
      }
      try {
        d.read().accept(json.toString());
      } catch (InvalidDefinitionException expected) {
        assertThat(expected.problems()).isNotEmpty();
      } catch (RuntimeException e) {
        throw new AssertionError(d.name() + ", seed " + seed + ": " + e + "\n" + json, e);
      }
    });
  }
}
