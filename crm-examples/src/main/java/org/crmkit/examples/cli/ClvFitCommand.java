package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.crmkit.json.ClvModelJson;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.PeriodUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit clv fit}: summarises a transaction CSV at a calibration end date, fits BG/NBD and
 * Gamma-Gamma, prints the model document and writes it to {@code --output}.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fits BG/NBD and Gamma-Gamma on the transactions up to the calibration end; "
        + "prints the model (crmkit.clv-model/1) and writes it to --output.")
final class ClvFitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "transactions CSV: customer_id,date,amount")
  Path input;

  @Option(names = "--calibration-end", required = true,
      description = "last day (yyyy-MM-dd, inclusive) of the calibration period")
  String calibrationEnd;

  @Option(names = "--unit", defaultValue = "week", description = "time unit: day or week (default: ${DEFAULT-VALUE})")
  String unit;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "encoding of the input CSV (default UTF-8), e.g. windows-1252 for Excel's CSV")
  String encoding;

  @Option(names = "--output", description = "model JSON file to write")
  Path output;

  @Override
  public Integer call() {
    LocalDate end = Dates.option("--calibration-end", calibrationEnd);
    java.nio.charset.Charset charset = CliFiles.charset(encoding);
    if (output != null) {
      CliFiles.Outputs.check(output, "--output");
    }
    PeriodUnit periodUnit = PeriodUnit.parse(unit);
    ClvData data = ClvData.of(ClvCommand.readTransactions(input, charset), end, periodUnit);
    ClvModel model = ClvModel.fit(data);
    String json = ClvModelJson.write(model);
    if (output != null) {
      ClvCommand.writeAtomically(output, w -> w.write(json));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json);
    out.flush();
    return 0;
  }
}
