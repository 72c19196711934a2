package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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

  @Option(names = "--output", description = "model JSON file to write")
  Path output;

  @Override
  public Integer call() {
    LocalDate end;
    try {
      end = LocalDate.parse(calibrationEnd);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of("--calibration-end '" + calibrationEnd
          + "' is not an ISO date (yyyy-MM-dd)"));
    }
    PeriodUnit periodUnit = PeriodUnit.parse(unit);
    ClvData data = ClvData.of(ClvCommand.readTransactions(input), end, periodUnit);
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
