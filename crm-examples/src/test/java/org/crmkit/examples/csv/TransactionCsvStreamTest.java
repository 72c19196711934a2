package org.crmkit.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.cli.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The streaming reader against the list reader {@link TransactionCsv#read} as reference. */
class TransactionCsvStreamTest {
  static final String[] IDS = {"a", "b", " c ", "\"q,1\"", "\"\"", "", "x\"y"};
  static final String[] DATES = {"1998-06-30", "1998-02-29", "1996-02-29", "98-06-30", "1998-6-30",
      "1998-06-3x", " 1998-01-01 ", "+1998-01-01", ""};
  static final String[] AMOUNTS = {"1", "-2.5", "+.5", "3.", "1e3", "1E-2", ".", "1e", "NaN",
      "Infinity", "0x10", "1,5", "", " 7 ", "1e999", "\u0661"};

  static String file(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    int rows = rnd.nextInt(6);
    boolean valid = rnd.nextBoolean();
    for (int i = 0; i < rows; i++) {
      if (rnd.nextInt(8) == 0) {
        sb.append('\n');
        continue;
      }
      String id = valid ? IDS[rnd.nextInt(3)] : IDS[rnd.nextInt(IDS.length)];
      String date = valid ? DATES[0] : DATES[rnd.nextInt(DATES.length)];
      String amount = valid ? AMOUNTS[rnd.nextInt(6)] : AMOUNTS[rnd.nextInt(AMOUNTS.length)];
      sb.append(id).append(',').append(date).append(',').append(amount).append('\n');
    }
    return sb.toString();
  }

  static String outcome(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
  }

  @Test
  void linesOfBlanksAreSkippedLikeEmptyLines() {
    List<Transaction> read = TransactionCsv.read(new StringReader(
        "   \ncustomer_id,date,amount\na,1998-06-30,1\n   \n\t\nb,1998-06-30,2\n"));
    assertThat(read).extracting(t -> t.customer().value()).containsExactly("a", "b");
  }

  @Test
  void streamAcceptsAndRejectsExactlyWhatReadDoes() {
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      String csv = file(seed);
      List<Transaction> expected = new ArrayList<>();
      String readOutcome = outcome(() -> expected.addAll(
          TransactionCsv.read(new BufferedReader(new StringReader(csv)))));
      List<Transaction> streamed = new ArrayList<>();
      String streamOutcome = outcome(() -> TransactionCsv.stream(
          new BufferedReader(new StringReader(csv)),
          (line, id, day, amount) -> streamed.add(
              Transaction.of(id, java.time.LocalDate.ofEpochDay(day), amount))));
      assertThat(streamOutcome.equals("ok")).as("seed %s:%n%s", seed, csv)
          .isEqualTo(readOutcome.equals("ok"));
      if (readOutcome.equals("ok")) {
        assertThat(streamed).as("seed %s", seed).isEqualTo(expected);
        return;
      }
      // both check every row and report every problem, in line order
      assertThat(streamOutcome).as("seed %s", seed).isEqualTo(readOutcome);
    });
  }
}
