package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.examples.demo.SampleCompany;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crmkit demo}: builds a sample company and shows the library at work on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Builds a seeded sample company and prints its hierarchies.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SampleCompany company = SampleCompany.create();
    out.println("crmkit demo: " + company.name());
    out.println();
    printTree(out, "Territories", company.territories());
    printTree(out, "Organisation", company.orgUnits());
    printTree(out, "Product lines", company.productLines());
    out.flush();
    return 0;
  }

  static <K> void printTree(PrintWriter out, String title, Hierarchy<K> h) {
    out.println(title + " (" + h.size() + " nodes, height " + h.height() + ")");
    for (K node : h.nodes()) {
      out.println("  " + "  ".repeat(h.depth(node)) + node
          + h.level(node).map(l -> "  [" + l + "]").orElse(""));
    }
    out.println();
  }
}
