package org.crmkit.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.examples.cli.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The summary reader on the shared CSV reader: one of three headers, every bad row named. */
class SummaryCsvTest {
  @Test
  void theHeaderFoundDecidesTheLayoutEvenWithoutRows() {
    assertThat(SummaryCsv.read(new StringReader("\uFEFFfrequency,recency,periods,weights\n"))
        .discrete()).isTrue();
    SummaryCsv.Summary weighted = SummaryCsv.read(new StringReader(
        "frequency,recency,T,monetary_value,weight\r\n2,3.5,10,20.0,4\r\n\r\n0,0,8,0,1\r\n"));
    assertThat(weighted.header()).isEqualTo(SummaryCsv.WEIGHTED);
    assertThat(weighted.rows()).containsExactly(List.of("2", "3.5", "10", "20.0", "4"),
        List.of("0", "0", "8", "0", "1"));
  }

  @Test
  void aWrongHeaderNamesTheThreeItCouldBe() {
    assertThatThrownBy(() -> SummaryCsv.read(new StringReader("x,recency,T\n1,2,3\n")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1: expected the header frequency,recency,T,monetary_value, "
            + "frequency,recency,T,monetary_value,weight or frequency,recency,periods,weights, "
            + "but found x,recency,T");
  }

  @Test
  void everyBadRowIsReportedAndMalformedQuotingEndsTheFile() {
    assertThatThrownBy(() -> SummaryCsv.read(new StringReader(
        "frequency,recency,T,monetary_value\n1,2\n-1,0,5,1\n1,2,5,\"3\n")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
            "line 2: expected 4 fields (frequency,recency,T,monetary_value), but found 2",
            "line 3: frequency must be a whole number >= 0, but was '-1'",
            "line 4: a quoted field is not closed"));
  }

  @Test
  void theSharedReaderTakesAnyOfSeveralHeadersAndGivesTheOneFound() {
    List<String> seen = new ArrayList<>();
    List<String> found = Csv.forEachOf(new StringReader("a,b,c\n1,2,3\n\"x\ny\",5,6\n"),
        List.of(List.of("a", "b"), List.of("a", "b", "c")),
        (header, row) -> seen.add(row.line() + ":" + String.join("|", row.fields())));
    assertThat(found).containsExactly("a", "b", "c");
    assertThat(seen).containsExactly("2:1|2|3", "3:x\ny|5|6");
  }
}
