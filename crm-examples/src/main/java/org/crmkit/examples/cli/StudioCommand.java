package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crmkit.examples.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit studio}: starts the local web app on the sample company or the given files,
 * prints its URL and serves until the process is stopped (Ctrl-C).
 */
@Command(name = "studio", mixinStandardHelpOptions = true,
    description = {"Starts crmkit studio, a local web app: policy playground, machine viewer,",
        "segments and value, hierarchies. Serves on 127.0.0.1 without any network access;",
        "without arguments it shows the seeded sample company. Stop it with Ctrl-C."})
final class StudioCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--policy", paramLabel = "P", description = "policy document (crmkit.policy/1); needs --data")
  Path policy;

  @Option(names = "--data", paramLabel = "D", description = "users and records (crmkit.access-data/1)")
  Path data;

  @Option(names = "--machine", paramLabel = "NAME",
      description = "built-in machine (default customer-lifecycle): customer-lifecycle, sales-funnel,"
          + " lead-temperature, business-process, contact-stages")
  String machine;

  @Option(names = "--definition", paramLabel = "FILE",
      description = "machine definition (crmkit.lifecycle/1); its guards are assumed to hold")
  Path definition;

  @Option(names = "--transactions", paramLabel = "tx.csv",
      description = "transactions (customer_id,date,amount) for segments and lifetime value")
  Path transactions;

  @Option(names = "--port", defaultValue = "8080",
      description = "TCP port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--seed", defaultValue = "20261122", description = "sample company seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--customers", defaultValue = "5000",
      description = "sample company customers (default: ${DEFAULT-VALUE})")
  int customers;

  @Override
  public Integer call() throws InterruptedException {
    Studio studio = Studio.start(new Studio.Options(policy, data, machine, definition,
        transactions, seed, customers, port));
    PrintWriter out = spec.commandLine().getOut();
    out.println("crmkit studio: " + studio.url());
    out.println("  pages: policy playground " + studio.url().resolve("policy")
        + ", machine viewer " + studio.url().resolve("machine")
        + ", segments " + studio.url().resolve("segments")
        + ", hierarchies " + studio.url().resolve("hierarchies"));
    out.println("  stop with Ctrl-C");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      studio.close();
      stopped.countDown();
    }, "crmkit-studio-stop"));
    stopped.await();
    return 0;
  }
}
