package org.crmkit.benchmarks.clv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.clv.BgNbdFit;
import org.crmkit.segmentation.clv.BgNbd;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.GammaGamma;
import org.crmkit.segmentation.clv.GammaGammaFit;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lifetime value: targets are a fit on the CDNOW sample (2,357 customers) under 200 ms warm, and
 * predictions for 1,000,000 customers under 1 s.
 *
 * <p>The CDNOW sample is read from {@link #cdnow} (default {@code
 * data/cdnow/CDNOW_sample.txt}, relative to the project root as working directory;
 * override with {@code -p cdnow=/path/CDNOW_sample.txt}). The million customers are the CDNOW
 * calibration summaries resampled with replacement (seeded) under new ids: a realistic day-resolution
 * mix of {@code (x, t_x, T)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClvBenchmark {
  @Param("data/cdnow/CDNOW_sample.txt")
  public String cdnow;

  @Param("1000000")
  public int customers;

  private List<Transaction> transactions;
  private ClvData data;
  private ClvModel model;
  private List<CustomerSummary> million;

  @Setup
  public void setUp() throws IOException {
    transactions = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(cdnow))) {
      if (!line.isBlank()) {
        String[] f = line.trim().split("\\s+");
        transactions.add(Transaction.of(f[1], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
            Double.parseDouble(f[4])));
      }
    }
    data = ClvData.of(transactions, LocalDate.of(1997, 9, 30), PeriodUnit.WEEK);
    model = ClvModel.fit(data);
    SplittableRandom random = new SplittableRandom(2005);
    List<CustomerSummary> source = data.customers();
    million = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      CustomerSummary c = source.get(random.nextInt(source.size()));
      million.add(new CustomerSummary(CustomerId.of("m" + i), c.repeatPurchases(), c.recency(), c.age(),
          c.meanRepeatSpend(), 0));
    }
  }

  /** Summary, BG/NBD fit and Gamma-Gamma fit from the raw CDNOW log (6,919 transactions). */
  @Benchmark
  public ClvModel summariseAndFitCdnow() {
    return ClvModel.fit(ClvData.of(transactions, LocalDate.of(1997, 9, 30), PeriodUnit.WEEK));
  }

  /** BG/NBD fit alone (with standard errors) on the 2,357 CDNOW summaries. */
  @Benchmark
  public BgNbdFit fitBgNbdCdnow() {
    return BgNbd.fit(data.customers());
  }

  /** Gamma-Gamma fit alone on the 946 CDNOW repeat buyers. */
  @Benchmark
  public GammaGammaFit fitGammaGammaCdnow() {
    return GammaGamma.fit(data.customers());
  }

  /** P(alive), expected purchases, expected spend and CLV (52 weeks, 1%/week) for a million customers. */
  @Benchmark
  public ClvPredictions predictMillion() {
    return model.predict(million, 52, 0.01);
  }
}
