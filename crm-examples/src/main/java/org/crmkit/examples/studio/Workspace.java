package org.crmkit.examples.studio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crmkit.core.CrmException;
import org.crmkit.json.MachineJson;
import org.crmkit.core.lifecycle.BusinessProcess;
import org.crmkit.core.lifecycle.ContactStages;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.LeadTemperature;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.User;
import org.crmkit.examples.csv.TransactionCsv;
import org.crmkit.examples.demo.SampleCompanyPolicy;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Organisation;
import org.crmkit.json.AccessData;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.PolicyJson;
import org.crmkit.testkit.company.SampleCompany;
import org.crmkit.testkit.company.SampleCompanyGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Everything the studio shows, loaded once at start: the seeded sample company, and in place of
 * its parts the files given on the command line (a policy and its data, a machine, a transaction
 * log). Immutable after construction; safe to read from the server's threads.
 */
final class Workspace {
  /** How many sample customers the policy pages use as records (the matrix, who-can, the diff). */
  static final int SAMPLE_RECORDS = 400;

  /** The built-in machines by the name the command line accepts, with their real guards. */
  static final Map<String, Supplier<Machine>> BUILT_IN = builtIns();

  final SampleCompany company;
  final String companySource;
  final String policySource;
  final String policyJson;
  final Organisation organisation;
  final AccessPolicy policy;
  final List<AccessRecord> records;
  final Map<String, String> recordNames;
  final Map<String, String> userNames;
  final String machineSource;
  final Machine machine;
  final boolean machineGuardsAssumed;
  final String transactionsSource;
  final List<Transaction> transactions;
  final Map<CustomerId, String> customerNames;

  Workspace(Studio.Options o) {
    this.company = SampleCompanyGenerator.withSeed(o.seed()).customers(o.customers()).generate();
    this.companySource = "sample company (seed " + o.seed() + ", " + o.customers() + " customers)";
    Map<String, String> users = new HashMap<>();
    Map<String, String> recordNames = new HashMap<>();
    Path policyFile = o.policy();
    if (policyFile == null) {
      this.policySource = "sample company policy";
      this.policyJson = resource("sample-company-policy.json");
      this.organisation = new Organisation(company.orgHierarchy(), company.territoryHierarchy(),
          company.users());
      List<Customer> sample = new ArrayList<>(company.customers());
      sample.sort(Comparator.comparing(c -> c.id().value()));
      List<AccessRecord> recs = new ArrayList<>();
      for (Customer c : sample.subList(0, Math.min(SAMPLE_RECORDS, sample.size()))) {
        recs.add(SampleCompanyPolicy.record(c));
        recordNames.put(c.id().value(), c.name());
      }
      this.records = List.copyOf(recs);
    } else {
      this.policySource = policyFile.toString();
      this.policyJson = read(policyFile, "policy");
      AccessData data = AccessDataJson.DOCUMENT.read(read(o.data(), "data"));
      this.organisation = data.organisation();
      this.records = data.records();
    }
    this.policy = PolicyJson.read(policyJson, organisation);
    for (User u : organisation.users()) {
      users.put(u.id().value(), u.name());
    }
    this.userNames = Map.copyOf(users);
    this.recordNames = Map.copyOf(recordNames);

    Path definition = o.definition();
    if (definition != null) {
      this.machineSource = definition.toString();
      this.machine = MachineJson.read(read(definition, "machine definition"),
          GuardRegistry.assumeSatisfied());
      this.machineGuardsAssumed = true;
    } else {
      String requested = o.machine();
      String name = requested == null ? CustomerLifecycle.NAME : requested;
      this.machine = builtIn(name);
      this.machineSource = "built-in machine '" + name + "'";
      this.machineGuardsAssumed = false;
    }

    Path transactionFile = o.transactions();
    if (transactionFile == null) {
      this.transactionsSource = companySource;
      this.transactions = company.transactions();
      Map<CustomerId, String> names = new HashMap<>();
      company.customers().forEach(c -> names.put(c.id(), c.name()));
      this.customerNames = Map.copyOf(names);
    } else {
      this.transactionsSource = transactionFile.toString();
      try (BufferedReader in = Files.newBufferedReader(transactionFile, StandardCharsets.UTF_8)) {
        this.transactions = TransactionCsv.read(in);
      } catch (IOException e) {
        throw new CrmException(cannotRead(transactionFile, "transactions", e));
      }
      this.customerNames = Map.of();
    }
    if (transactions.isEmpty()) {
      throw new CrmException("the transaction log " + transactionsSource + " has no rows");
    }
  }

  /** A built-in machine by name, with its real guards. */
  static Machine builtIn(String name) {
    Supplier<Machine> m = BUILT_IN.get(name);
    if (m == null) {
      throw new CrmException("unknown machine '" + name + "'; built-in machines: "
          + String.join(", ", BUILT_IN.keySet()));
    }
    return m.get();
  }

  /** The user's name and id, as the pages show it ("Ann Smith (u-rep-001)"). */
  String userLabel(String id) {
    String name = userNames.get(id);
    return name == null || name.equals(id) ? id : name + " (" + id + ")";
  }

  /** The record's name and id, or the id alone when the record has no name. */
  String recordLabel(String id) {
    String name = recordNames.get(id);
    return name == null ? id : name + " (" + id + ")";
  }

  /** The customer's name, or the id alone when unknown. */
  String customerName(CustomerId id) {
    return customerNames.getOrDefault(id, "");
  }

  private static Map<String, Supplier<Machine>> builtIns() {
    Map<String, Supplier<Machine>> m = new LinkedHashMap<>();
    m.put(CustomerLifecycle.NAME, CustomerLifecycle::machine);
    m.put(SalesFunnel.NAME, SalesFunnel::machine);
    m.put(LeadTemperature.NAME, LeadTemperature::machine);
    m.put(BusinessProcess.NAME, BusinessProcess::machine);
    m.put(ContactStages.NAME, ContactStages::machine);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** A text resource of this package. */
  static String resource(String name) {
    try (InputStream in = Workspace.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(@Nullable Path file, String what) {
    if (file == null) {
      throw new CrmException("--policy and --data go together: the " + what + " file is missing");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CrmException(cannotRead(file, what, e));
    }
  }

  private static String cannotRead(Path file, String what, IOException e) {
    return "cannot read the " + what + " file '" + file + "': "
        + (e instanceof NoSuchFileException ? "no such file" : e.toString());
  }
}
