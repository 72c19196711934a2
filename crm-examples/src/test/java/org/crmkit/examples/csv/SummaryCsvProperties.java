package org.crmkit.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.examples.cli.InvalidInputException;
import org.crmkit.json.PurchaseModelJson;
import org.crmkit.json.RetentionModelJson;
import org.crmkit.segmentation.clv.FitReport;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.segmentation.clv.ShiftedBetaGeometric;
import org.junit.jupiter.api.Test;

/**
 * Mutation properties of the #17 readers (the summary CSV, the purchase-model and retention
 * documents): a valid input with random characters replaced, inserted or deleted either reads or
 * fails with the reader's typed error, never another exception. QuickTheories prints the seed.
 */
class SummaryCsvProperties {
  private static final String ALPHABET = "0123456789,.-e\n\"x {}:[]";

  static String mutate(String text, int seed) {
    java.util.Random r = new java.util.Random(seed);
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = r.nextInt(b.length());
      char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
      switch (r.nextInt(3)) {
        case 0 -> b.setCharAt(at, c);
        case 1 -> b.insert(at, c);
        default -> b.deleteCharAt(at);
      }
    }
    return b.toString();
  }

  @Test
  void mutatedSummariesReadOrFailWithTheirLine() throws Exception {
    String donations = Files.readString(Path.of(System.getProperty("crmkit.data"), "donations", "donations.csv"));
    qt().withExamples(400).forAll(integers().all()).checkAssert(seed -> {
      String text = mutate(donations, seed);
      try {
        SummaryCsv.Summary s = SummaryCsv.read(new BufferedReader(new StringReader(text)));
        assertThat(s.rows()).hasSize(s.data().size());
      } catch (InvalidInputException e) {
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("line "));
      }
    });
  }

  @Test
  void mutatedDocumentsReadOrFailWithTypedErrors() {
    String purchase = PurchaseModelJson.DOCUMENT.write(PurchaseFit.of(PurchaseModelKind.BG_BB.create(
        Map.of("alpha", 1.2, "beta", 0.75, "gamma", 0.66, "delta", 2.8)),
        new FitReport(-3, Map.of("alpha", 0.1), 1, 2, true, 100)));
    String retention = RetentionModelJson.DOCUMENT.write(ShiftedBetaGeometric.fit(List.of(1000L, 869L, 743L, 653L)));
    qt().withExamples(400).forAll(integers().all()).checkAssert(seed -> {
      try {
        PurchaseModelJson.readAny(mutate(purchase, seed));
      } catch (InvalidDefinitionException e) {
        assertThat(e.getMessage()).isNotBlank();
      } catch (CrmException e) {
        // a value the model itself rejects (e.g. a mutated parameter <= 0 caught by the record)
        assertThat(e.getMessage()).isNotBlank();
      }
      try {
        RetentionModelJson.DOCUMENT.read(mutate(retention, seed));
      } catch (CrmException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    });
  }
}
