package org.crmkit.testkit.company;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.crmkit.core.CrmException;
import org.crmkit.core.hierarchy.Hierarchies;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.CustomerKind;
import org.crmkit.core.model.OrgUnit;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLine;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.Territory;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Generates a {@link SampleCompany}: 3 regions, 10 countries and 40 cities; a company with sales,
 * service and marketing departments and regional sub-departments; about 200 employees in the roles
 * {@code admin}, {@code sales-director}, {@code sales-manager}, {@code sales-rep}, {@code
 * service-agent} and {@code marketing}; 5 product lines with sub-lines; customers (about 60%
 * organisations, some in group companies) and two years of transactions with a realistic skew
 * (purchase rates drawn from a gamma distribution, amounts log-normal: many small customers, a
 * few large ones).
 *
 * <p>Deterministic: the same seed and sizes always give the same company, on any JVM (it uses
 * {@link SplittableRandom}). Not thread-safe; create one generator per thread.
 */
public final class SampleCompanyGenerator {
  /** Roles given to the generated employees. */
  public static final RoleId ADMIN = RoleId.of("admin");
  /** Heads the sales department. */
  public static final RoleId SALES_DIRECTOR = RoleId.of("sales-director");
  /** Heads a regional sales sub-department. */
  public static final RoleId SALES_MANAGER = RoleId.of("sales-manager");
  /** Owns customers in their territories. */
  public static final RoleId SALES_REP = RoleId.of("sales-rep");
  /** Customer service. */
  public static final RoleId SERVICE_AGENT = RoleId.of("service-agent");
  /** Marketing staff. */
  public static final RoleId MARKETING = RoleId.of("marketing");

  private static final String[][] REGIONS = {
    {"emea", "EMEA", "de:Germany:berlin,munich,hamburg,frankfurt", "fr:France:paris,lyon,marseille,lille",
        "gb:United Kingdom:london,manchester,leeds,glasgow", "it:Italy:milan,rome,turin,naples"},
    {"apac", "APAC", "cn:China:shanghai,beijing,shenzhen,guangzhou", "jp:Japan:tokyo,osaka,nagoya,sapporo",
        "au:Australia:sydney,melbourne,brisbane,perth"},
    {"amer", "Americas", "us:United States:new-york,chicago,san-francisco,austin",
        "ca:Canada:toronto,montreal,vancouver,calgary", "br:Brazil:sao-paulo,rio,brasilia,curitiba"},
  };
  private static final String[][] LINES = {
    {"electronics", "Electronics", "phones", "laptops", "audio"},
    {"home", "Home goods", "kitchen", "furniture"},
    {"apparel", "Apparel", "menswear", "womenswear", "footwear"},
    {"sports", "Sports", "outdoor", "fitness"},
    {"office", "Office supplies", "paper", "printing"},
  };
  private static final String[] INDUSTRIES = {
    "retail", "manufacturing", "finance", "healthcare", "education", "logistics", "hospitality",
    "technology"
  };
  private static final String[] STAGES = {"potential", "intentional", "closed-deal", "loyal", "churned"};

  private final long seed;
  private int customers = 50_000;
  private int employees = 200;
  private LocalDate start = LocalDate.of(2024, 1, 1);
  private int days = 731;
  private double meanTransactionsPerBuyer = 26;

  private SampleCompanyGenerator(long seed) {
    this.seed = seed;
  }

  /** A generator with default sizes (50,000 customers, ~1,000,000 transactions, 200 employees). */
  public static SampleCompanyGenerator withSeed(long seed) {
    return new SampleCompanyGenerator(seed);
  }

  /**
   * Sets the number of customers.
   *
   * @throws CrmException if {@code count} is below 10
   */
  public SampleCompanyGenerator customers(int count) {
    if (count < 10) {
      throw new CrmException("customers must be >= 10, but was " + count);
    }
    this.customers = count;
    return this;
  }

  /**
   * Sets the number of employees.
   *
   * @throws CrmException if {@code count} is below 30 (every unit needs staff)
   */
  public SampleCompanyGenerator employees(int count) {
    if (count < 30) {
      throw new CrmException("employees must be >= 30, but was " + count);
    }
    this.employees = count;
    return this;
  }

  /**
   * Sets the mean number of transactions of a customer who buys at all (about 80% do).
   *
   * @throws CrmException if {@code mean} is not in (0, 10000]
   */
  public SampleCompanyGenerator meanTransactionsPerBuyer(double mean) {
    if (!(mean > 0 && mean <= 10_000)) {
      throw new CrmException("meanTransactionsPerBuyer must be in (0, 10000], but was " + mean);
    }
    this.meanTransactionsPerBuyer = mean;
    return this;
  }

  /**
   * Sets the transaction period.
   *
   * @throws CrmException if {@code days} is below 30
   */
  public SampleCompanyGenerator period(LocalDate first, int days) {
    if (days < 30) {
      throw new CrmException("days must be >= 30, but was " + days);
    }
    this.start = first;
    this.days = days;
    return this;
  }

  /** Generates the company. O(customers + transactions). */
  public SampleCompany generate() {
    SplittableRandom random = new SplittableRandom(seed);

    List<Territory> territories = new ArrayList<>();
    territories.add(Territory.builder().id(TerritoryId.of("global")).name("Global").level("global").build());
    List<TerritoryId> cities = new ArrayList<>();
    Map<TerritoryId, TerritoryId> regionOfCity = new HashMap<>();
    for (String[] region : REGIONS) {
      TerritoryId regionId = TerritoryId.of(region[0]);
      territories.add(Territory.builder().id(regionId).name(region[1])
          .parent(TerritoryId.of("global")).level("region").build());
      for (int c = 2; c < region.length; c++) {
        String[] country = region[c].split(":");
        TerritoryId countryId = TerritoryId.of(country[0]);
        territories.add(Territory.builder().id(countryId).name(country[1]).parent(regionId)
            .level("country").build());
        for (String city : country[2].split(",")) {
          TerritoryId cityId = TerritoryId.of(country[0] + "-" + city);
          territories.add(Territory.builder().id(cityId).name(title(city)).parent(countryId)
              .level("city").build());
          cities.add(cityId);
          regionOfCity.put(cityId, regionId);
        }
      }
    }

    List<OrgUnit> units = new ArrayList<>();
    units.add(unit("hq", "Headquarters", null, "company"));
    units.add(unit("it", "IT and administration", "hq", "department"));
    units.add(unit("sales", "Sales", "hq", "department"));
    for (String[] region : REGIONS) {
      units.add(unit("sales-" + region[0], "Sales " + region[1], "sales", "sub-department"));
    }
    units.add(unit("service", "Customer service", "hq", "department"));
    units.add(unit("service-frontline", "Service front line", "service", "sub-department"));
    units.add(unit("service-technical", "Technical support", "service", "sub-department"));
    units.add(unit("marketing", "Marketing", "hq", "department"));

    List<User> users = new ArrayList<>();
    users.add(user("u-ceo", "Chief Executive", "hq", null, ADMIN, List.of()));
    users.add(user("u-admin", "System Administrator", "it", "u-ceo", ADMIN, List.of()));
    users.add(user("u-sales-director", "Sales Director", "sales", "u-ceo", SALES_DIRECTOR, List.of()));
    users.add(user("u-service-head", "Head of Service", "service", "u-ceo", SERVICE_AGENT, List.of()));
    users.add(user("u-marketing-head", "Head of Marketing", "marketing", "u-ceo", MARKETING, List.of()));
    int remaining = employees - users.size() - REGIONS.length;
    int reps = remaining * 60 / 100;
    int agents = remaining * 25 / 100;
    int marketers = remaining - reps - agents;
    Map<TerritoryId, List<UserId>> repsByRegion = new HashMap<>();
    for (String[] region : REGIONS) {
      users.add(user("u-mgr-" + region[0], "Sales Manager " + region[1], "sales-" + region[0],
          "u-sales-director", SALES_MANAGER, List.of(TerritoryId.of(region[0]))));
    }
    for (int i = 0; i < reps; i++) {
      String[] region = REGIONS[i % REGIONS.length];
      TerritoryId regionId = TerritoryId.of(region[0]);
      List<TerritoryId> regionCities = cities.stream()
          .filter(c -> Checks.entry(regionOfCity, c).equals(regionId)).toList();
      TerritoryId city1 = regionCities.get(random.nextInt(regionCities.size()));
      TerritoryId city2 = regionCities.get(random.nextInt(regionCities.size()));
      String id = String.format("u-rep-%03d", i + 1);
      users.add(user(id, "Sales Rep " + (i + 1), "sales-" + region[0], "u-mgr-" + region[0],
          SALES_REP, city1.equals(city2) ? List.of(city1) : List.of(city1, city2)));
      repsByRegion.computeIfAbsent(regionId, k -> new ArrayList<>()).add(UserId.of(id));
    }
    for (int i = 0; i < agents; i++) {
      users.add(user(String.format("u-agent-%03d", i + 1), "Service Agent " + (i + 1),
          i % 3 == 0 ? "service-technical" : "service-frontline", "u-service-head",
          SERVICE_AGENT, List.of()));
    }
    for (int i = 0; i < marketers; i++) {
      users.add(user(String.format("u-mkt-%03d", i + 1), "Marketer " + (i + 1), "marketing",
          "u-marketing-head", MARKETING, List.of()));
    }
    Map<UserId, User> userById = new HashMap<>();
    users.forEach(u -> userById.put(u.id(), u));

    List<ProductLine> lines = new ArrayList<>();
    List<ProductLineId> leafLines = new ArrayList<>();
    for (String[] line : LINES) {
      ProductLineId top = ProductLineId.of(line[0]);
      lines.add(ProductLine.builder().id(top).name(line[1]).build());
      for (int s = 2; s < line.length; s++) {
        ProductLineId sub = ProductLineId.of(line[0] + "-" + line[s]);
        lines.add(ProductLine.builder().id(sub).name(title(line[s])).parent(top).build());
        leafLines.add(sub);
      }
    }

    List<Customer> customerList = new ArrayList<>(customers);
    Map<CustomerId, ProductLineId> preferred = new HashMap<>();
    List<CustomerId> groupParents = new ArrayList<>();
    int width = Integer.toString(customers).length();
    for (int i = 0; i < customers; i++) {
      CustomerId id = CustomerId.of("c-" + pad(i + 1, width));
      boolean organisation = random.nextDouble() < 0.6;
      TerritoryId city = cities.get(skewedIndex(random, cities.size()));
      List<UserId> regionReps = Checks.entry(repsByRegion, Checks.entry(regionOfCity, city));
      UserId owner = regionReps.get(random.nextInt(regionReps.size()));
      Customer.Builder b = Customer.builder().id(id)
          .name((organisation ? "Company " : "Customer ") + (i + 1))
          .kind(organisation ? CustomerKind.ORGANISATION : CustomerKind.INDIVIDUAL)
          .territory(city).owner(owner).orgUnit(Checks.entry(userById, owner).orgUnit())
          .lifecycleStage(STAGES[weighted(random, new double[] {0.2, 0.15, 0.35, 0.2, 0.1})])
          .putAttributes("needs", random.nextDouble() < 0.2 ? "custom" : random.nextDouble() < 0.1 ? "special" : "standard")
          .putAttributes("source", new String[] {"web", "referral", "event", "partner", "cold-call"}[random.nextInt(5)]);
      if (organisation) {
        b.industry(INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
        b.sizeBand(SizeBand.values()[weighted(random, new double[] {0.35, 0.3, 0.2, 0.1, 0.05})]);
        if (!groupParents.isEmpty() && random.nextDouble() < 0.12) {
          b.parent(groupParents.get(random.nextInt(groupParents.size())));
        } else if (random.nextDouble() < 0.04) {
          groupParents.add(id);
        }
      }
      customerList.add(b.build());
      preferred.put(id, leafLines.get(skewedIndex(random, leafLines.size())));
    }

    List<Transaction> transactions = generateTransactions(random, customerList);

    return new SampleCompany(
        List.copyOf(territories), Hierarchies.ofTerritories(territories, LevelSchema.territories()),
        List.copyOf(units), Hierarchies.ofOrgUnits(units),
        List.copyOf(users), List.copyOf(lines), Hierarchies.ofProductLines(lines),
        List.copyOf(customerList), Hierarchies.ofAccounts(customerList),
        List.copyOf(transactions), Map.copyOf(preferred), start, start.plusDays(days - 1L));
  }

  private List<Transaction> generateTransactions(SplittableRandom random, List<Customer> list) {
    LocalDate[] dates = new LocalDate[days];
    for (int d = 0; d < days; d++) {
      dates[d] = start.plusDays(d);
    }
    List<Transaction> out = new ArrayList<>((int) (list.size() * meanTransactionsPerBuyer));
    for (Customer c : list) {
      if ("potential".equals(c.lifecycleStage().orElse("")) || random.nextDouble() < 0.05) {
        continue; // never bought
      }
      // purchase count ~ Gamma(shape 0.8) scaled to the mean: many small buyers, a long tail
      double rate = gamma(random, 0.8) / 0.8;
      int count = Math.max(1, (int) Math.round(rate * meanTransactionsPerBuyer));
      int first = random.nextInt(days);
      boolean churned = "churned".equals(c.lifecycleStage().orElse(""));
      // customers drop out silently, as in real non-contractual businesses: an active lifetime
      // drawn from an exponential distribution (mean about two years); churned ones sooner
      double meanLifetime = churned ? days / 4.0 : days;
      int lifetime = (int) Math.min(days, -meanLifetime * Math.log(1 - random.nextDouble()));
      int last = Math.min(days - 1, first + Math.max(1, lifetime));
      double scale = c.kind() == CustomerKind.ORGANISATION ? 180 : 45;
      double customerMean = Math.exp(Math.log(scale) + 0.6 * random.nextGaussian());
      for (int k = 0; k < count; k++) {
        int day = k == 0 ? first : first + random.nextInt(last - first + 1);
        double amount = Math.round(customerMean * Math.exp(0.5 * random.nextGaussian()) * 100) / 100.0;
        if (random.nextDouble() < 0.02) {
          amount = -Math.round(amount * 0.5 * 100) / 100.0; // a return
        }
        out.add(new Transaction(c.id(), dates[day], amount));
      }
    }
    out.sort(Comparator.comparing(Transaction::date).thenComparing(t -> t.customer().value()));
    return out;
  }

  /** Marsaglia–Tsang gamma sampling with unit scale. */
  private static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** An index in [0, n) biased towards small indices (big cities, popular lines). */
  private static int skewedIndex(SplittableRandom random, int n) {
    double u = random.nextDouble();
    return Math.min(n - 1, (int) (n * u * u));
  }

  private static int weighted(SplittableRandom random, double[] weights) {
    double u = random.nextDouble();
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (u < acc) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static OrgUnit unit(String id, String name, @Nullable String parent, String level) {
    OrgUnit.Builder b = OrgUnit.builder().id(OrgUnitId.of(id)).name(name).level(level);
    if (parent != null) {
      b.parent(OrgUnitId.of(parent));
    }
    return b.build();
  }

  private static User user(String id, String name, String unit, @Nullable String manager,
      RoleId role,
      List<TerritoryId> territories) {
    User.Builder b = User.builder().id(UserId.of(id)).name(name).orgUnit(OrgUnitId.of(unit))
        .addRoles(role).addAllTerritories(territories).addTeams(TeamId.of(unit));
    if (manager != null) {
      b.manager(UserId.of(manager));
    }
    return b.build();
  }

  private static String pad(int n, int width) {
    String s = Integer.toString(n);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static String title(String slug) {
    StringBuilder b = new StringBuilder();
    for (String w : slug.split("-")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return b.toString();
  }
}
