package org.crmkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.demo.SampleCompanyPolicy;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Organisation;
import org.crmkit.json.PolicyJson;
import org.crmkit.testkit.company.SampleCompany;
import org.crmkit.testkit.company.SampleCompanyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The studio's JSON endpoints, over HTTP, on the seeded sample company. */
class StudioApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Studio studio;

  @BeforeAll
  static void start() {
    studio = Studio.start(Studio.Options.sample(0));
  }

  @AfterAll
  static void stop() {
    studio.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(studio.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(studio.url().resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode postJson(String path, Map<String, ?> body) throws Exception {
    HttpResponse<String> r = post(path, body);
    assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void theSampleCompanyPolicyDocumentIsTheSampleCompanyPolicy() {
    SampleCompany company = SampleCompanyGenerator.withSeed(20261122L).customers(1_000).generate();
    AccessPolicy fromDocument = PolicyJson.read(Workspace.resource("sample-company-policy.json"),
        new Organisation(company.orgHierarchy(), company.territoryHierarchy(), company.users()));
    List<AccessRecord> records = company.customers().stream().map(SampleCompanyPolicy::record).toList();
    assertThat(AccessPolicy.diff(SampleCompanyPolicy.of(company), fromDocument, company.users(), records))
        .isEmpty();
    assertThat(fromDocument.definitions()).as("the document holds the code's definitions")
        .isEqualTo(SampleCompanyPolicy.of(company).definitions());
  }

  @Test
  void infoNamesWhatIsShown() throws Exception {
    JsonNode info = getJson("api/info");
    assertThat(info.get("company").asText()).isEqualTo("sample company (seed 20261122, 5000 customers)");
    assertThat(info.get("users").asInt()).isEqualTo(200);
    assertThat(info.get("records").asInt()).isEqualTo(Workspace.SAMPLE_RECORDS);
    assertThat(info.get("machine").asText()).isEqualTo("built-in machine 'customer-lifecycle'");
  }

  /** A record, its owner, and a sales rep of another unit who neither owns it nor shares its territory. */
  private static String[] ownerAndStranger() throws Exception {
    JsonNode p = getJson("api/policy");
    JsonNode record = p.get("records").get(0);
    String ownerLabel = record.get("owner").asText();
    String owner = ownerLabel.substring(ownerLabel.indexOf('(') + 1, ownerLabel.length() - 1);
    String ownerUnit = null;
    for (JsonNode u : p.get("users")) {
      if (u.get("id").asText().equals(owner)) {
        ownerUnit = u.get("orgUnit").asText();
      }
    }
    JsonNode who = postJson("api/policy/who-can", Map.of("record", record.get("id").asText()));
    Set<String> readers = new TreeSet<>();
    for (JsonNode u : who.get("actions").get(1).get("users")) {
      readers.add(u.get("id").asText());
    }
    for (JsonNode u : p.get("users")) {
      if (u.get("roles").toString().contains("sales-rep") && !u.get("orgUnit").asText().equals(ownerUnit)
          && !readers.contains(u.get("id").asText())) {
        return new String[] {record.get("id").asText(), owner, u.get("id").asText()};
      }
    }
    throw new AssertionError("no stranger found");
  }

  @Test
  void theOwnerMayReadButNotExportAndAStrangerMayNotRead() throws Exception {
    String[] c = ownerAndStranger();
    JsonNode read = postJson("api/policy/check", Map.of("user", c[1], "action", "read", "record", c[0]));
    assertThat(read.get("decision").asText()).isEqualTo("ALLOW");
    assertThat(read.get("basis").asText()).isEqualTo("grant");
    assertThat(read.get("explanation").asText()).contains("sales-rep").contains("scope own");
    assertThat(read.get("user").asText()).endsWith("(" + c[1] + ")").doesNotStartWith(c[1]);

    JsonNode export = postJson("api/policy/check", Map.of("user", c[1], "action", "export", "record", c[0]));
    assertThat(export.get("decision").asText()).isEqualTo("DENY");
    assertThat(export.get("rule").asText()).isEqualTo("reps-never-export");

    JsonNode stranger = postJson("api/policy/check", Map.of("user", c[2], "action", "read", "record", c[0]));
    assertThat(stranger.get("decision").asText()).isEqualTo("DENY");
    assertThat(stranger.get("explanation").asText()).isNotBlank();
  }

  @Test
  void aPastedRecordIsCheckedAndItsProblemsNamedByPath() throws Exception {
    String[] c = ownerAndStranger();
    JsonNode p = getJson("api/policy");
    String unit = p.get("records").get(0).get("orgUnit").asText();
    String pasted = "{\"id\": \"x1\", \"type\": \"customer\", \"owner\": \"" + c[1] + "\", \"orgUnit\": \""
        + unit + "\"}";
    JsonNode d = postJson("api/policy/check", Map.of("user", c[1], "action", "update", "record", c[0],
        "recordJson", pasted));
    assertThat(d.get("decision").asText()).isEqualTo("ALLOW");
    assertThat(d.get("record").asText()).isEqualTo("x1");

    HttpResponse<String> bad = post("api/policy/check", Map.of("user", c[1], "action", "read",
        "record", c[0], "recordJson", "{\"id\": \"x1\", \"type\": \"customer\", \"colour\": 1}"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asText())
        .contains("$.colour: unknown field").contains("$.owner: required").contains("$.orgUnit: required");
  }

  @Test
  void whoCanListsTheOwnerAmongTheReaders() throws Exception {
    String[] c = ownerAndStranger();
    JsonNode who = postJson("api/policy/who-can", Map.of("record", c[0]));
    assertThat(who.get("actions")).hasSize(7);
    assertThat(who.get("actions").get(1).get("action").asText()).isEqualTo("read");
    assertThat(who.get("actions").get(1).get("users").toString()).contains("\"id\":\"" + c[1] + "\"")
        .contains("\"id\":\"u-admin\"").doesNotContain("\"id\":\"" + c[2] + "\"");
  }

  @Test
  void theMatrixCountsAllowedActionsPerUserAndRecord() throws Exception {
    JsonNode m = getJson("api/policy/matrix");
    int users = m.get("users").size();
    int records = m.get("records").size();
    assertThat(records).isEqualTo(PolicyPage.MATRIX_MAX);
    assertThat(users).isBetween(6, PolicyPage.MATRIX_MAX);
    assertThat(m.get("cells")).hasSize(users * records);
    assertThat(m.get("users").toString()).contains("(u-admin)");
    for (JsonNode cell : m.get("cells")) {
      int allowed = cell.get(2).asInt();
      assertThat(allowed).isBetween(0, 7);
      assertThat(cell.get(3).asText().isEmpty() ? 0 : cell.get(3).asText().split(", ").length)
          .isEqualTo(allowed);
    }
  }

  @Test
  void anInvalidPolicyEditReportsEveryProblemWithItsJsonPath() throws Exception {
    String policy = getJson("api/policy").get("policy").asText();
    String broken = policy.replaceFirst("\"scope\": \"own\"", "\"scope\": \"mine\"")
        .replace("{\"id\": \"sales-rep\", \"parent\": \"sales-manager\"}",
            "{\"id\": \"sales-rep\", \"parent\": \"sales-boss\"}");
    JsonNode v = postJson("api/policy/validate", Map.of("policy", broken));
    assertThat(v.get("valid").asBoolean()).isFalse();
    List<String> paths = new ArrayList<>();
    v.get("problems").forEach(p -> paths.add(p.get("path").asText()));
    assertThat(paths).contains("$.grants[0].scope");
    assertThat(v.get("problems").toString()).contains("mine");
    // the JSON Schema of crm-json and the reader both speak, each problem marked with its source
    assertThat(v.get("schema").asBoolean()).isTrue();
    List<String> schemaPaths = new ArrayList<>();
    List<String> readerPaths = new ArrayList<>();
    v.get("problems").forEach(p -> (p.get("source").asText().equals("schema") ? schemaPaths : readerPaths)
        .add(p.get("path").asText()));
    assertThat(schemaPaths).contains("$.grants[0].scope");
    assertThat(readerPaths).contains("$.grants[0].scope");

    JsonNode malformed = postJson("api/policy/validate", Map.of("policy", "{\"format\": "));
    assertThat(malformed.get("valid").asBoolean()).isFalse();
    assertThat(malformed.get("problems")).isNotEmpty();
  }

  @Test
  void theWhatIfDiffShowsWhoGainsWhatWhenTheDenyRuleIsRemoved() throws Exception {
    String policy = getJson("api/policy").get("policy").asText();
    JsonNode same = postJson("api/policy/validate", Map.of("policy", policy));
    assertThat(same.get("valid").asBoolean()).isTrue();
    assertThat(same.get("gained").asInt() + same.get("lost").asInt()).isZero();

    // reps may now export their own customers, but the deny rule still stops them; their
    // managers, whom the deny does not name, gain export through the management chain
    ObjectNode doc = (ObjectNode) JSON.readTree(policy);
    ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("grants").get(0).get("actions")).add("export");
    JsonNode denied = postJson("api/policy/validate", Map.of("policy", JSON.writeValueAsString(doc)));
    assertThat(denied.get("valid").asBoolean()).isTrue();
    assertThat(denied.get("lost").asInt()).isZero();
    assertThat(denied.get("gained").asInt()).isPositive();
    for (JsonNode c : denied.get("changes")) {
      assertThat(c.get("action").asText()).isEqualTo("export");
      assertThat(c.get("user").asText()).contains("(u-mgr-").doesNotContain("(u-rep-");
    }

    // without the deny rule, reps (and, through the management chain, their managers) gain export
    doc.remove("denies");
    JsonNode v = postJson("api/policy/validate", Map.of("policy", JSON.writeValueAsString(doc)));
    assertThat(v.get("valid").asBoolean()).isTrue();
    assertThat(v.get("lost").asInt()).isZero();
    assertThat(v.get("gained").asInt()).isPositive();
    boolean aRep = false;
    for (JsonNode c : v.get("changes")) {
      assertThat(c.get("change").asText()).isEqualTo("gains");
      assertThat(c.get("action").asText()).isEqualTo("export");
      aRep |= c.get("user").asText().contains("(u-rep-");
    }
    assertThat(aRep).isTrue();
  }

  @Test
  void theMachineIsAGraphWithEveryStateAndTransition() throws Exception {
    JsonNode g = getJson("api/machine?name=customer-lifecycle");
    assertThat(g.get("start").asText()).isEqualTo("potential");
    List<String> states = new ArrayList<>();
    g.get("nodes").forEach(n -> states.add(n.get("name").asText()));
    assertThat(states).contains("potential", "intentional", "closed-deal", "loyal", "churned");
    for (JsonNode e : g.get("edges")) {
      assertThat(states).contains(e.get("source").asText(), e.get("target").asText());
    }
    assertThat(g.get("log").asText()).startsWith("subject_id,event,at\n");
    assertThat(getJson("api/machines").get("names").toString())
        .contains("sales-funnel", "lead-temperature", "business-process", "contact-stages");
  }

  @Test
  void firingAnEventDecidesWithTheContext() throws Exception {
    JsonNode ok = postJson("api/machine/fire", Map.of("state", "intentional", "event", "order-paid",
        "context", "{\"paidOrders\": 1}"));
    assertThat(ok.get("accepted").asBoolean()).isTrue();
    assertThat(ok.get("to").asText()).isEqualTo("closed-deal");
    assertThat(ok.get("effects").toString()).contains("send-welcome", "start-onboarding");

    JsonNode early = postJson("api/machine/fire", Map.of("state", "intentional", "event", "order-paid",
        "context", "{}"));
    assertThat(early.get("accepted").asBoolean()).isFalse();
    assertThat(early.get("failedGuard").asText()).isEqualTo("first-order-paid");
    assertThat(early.get("to").asText()).isEqualTo("intentional");

    HttpResponse<String> bad = post("api/machine/fire", Map.of("state", "intentional",
        "event", "order-paid", "context", "[1]"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("context: expected a JSON object");
  }

  @Test
  void aReplayedLogStepsThroughEveryEventAndStopsAtAnIllegalOne() throws Exception {
    String log = getJson("api/machine?name=sales-funnel").get("log").asText();
    JsonNode r = postJson("api/machine/replay", Map.of("machine", "sales-funnel", "log", log));
    JsonNode subject = r.get("subjects").get(0);
    assertThat(subject.get("valid").asBoolean()).isTrue();
    assertThat(subject.get("steps").size()).isEqualTo(log.strip().split("\n").length - 1);
    for (int i = 1; i < subject.get("steps").size(); i++) {
      assertThat(subject.get("steps").get(i).get("from").asText())
          .isEqualTo(subject.get("steps").get(i - 1).get("to").asText());
    }

    JsonNode illegal = postJson("api/machine/replay", Map.of("machine", "customer-lifecycle",
        "log", "subject_id,event,at\na,show-interest,2026-01-01\na,order-paid,2026-01-02\n"
            + "a,show-interest,2026-01-03\n"));
    JsonNode a = illegal.get("subjects").get(0);
    assertThat(a.get("valid").asBoolean()).isFalse();
    assertThat(a.get("steps")).hasSize(3);
    assertThat(a.get("steps").get(0).get("from").asText()).isEqualTo("potential");
    assertThat(a.get("steps").get(1).get("to").asText()).isEqualTo("closed-deal");
    // show-interest is not an event of closed-deal: the replay stops there
    assertThat(a.get("steps").get(2).get("accepted").asBoolean()).isFalse();
    assertThat(a.get("steps").get(2).get("reason").asText()).isNotBlank();
  }

  @Test
  void segmentsCoverEveryCustomerWithEveryLabel() throws Exception {
    JsonNode s = getJson("api/segments");
    List<String> names = new ArrayList<>();
    s.get("segments").forEach(n -> names.add(n.asText()));
    assertThat(names).hasSize(11).contains("Champions", "At Risk", "Can't Lose Them", "Lost");
    int sum = 0;
    for (JsonNode n : s.get("segmentSizes")) {
      sum += n.asInt();
    }
    assertThat(sum).isEqualTo(s.get("customers").asInt());
    int cells = 0;
    for (JsonNode c : s.get("rf").get("cells")) {
      cells += c.get(2).asInt();
    }
    assertThat(cells).isEqualTo(s.get("customers").asInt());
    JsonNode points = s.get("pareto").get("points");
    assertThat(points.get(points.size() - 1).get(1).asDouble()).isEqualTo(100.0);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).get(1).asDouble()).isGreaterThanOrEqualTo(points.get(i - 1).get(1).asDouble());
    }
  }

  @Test
  void lifetimeValueDiagnosticsCompareModelAndHoldOut() throws Exception {
    JsonNode c = getJson("api/segments").get("clv");
    assertThat(c.get("available").asBoolean()).isTrue();
    assertThat(c.get("calibrationVsHoldout").get("frequency").toString())
        .isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7+\"]");
    assertThat(c.get("tracking").get("week")).hasSize(ClvDiagnostics.HOLDOUT_WEEKS);
    JsonNode actual = c.get("tracking").get("actual");
    JsonNode expected = c.get("tracking").get("expected");
    double last = actual.get(actual.size() - 1).asDouble();
    assertThat(last).isPositive();
    // the sample company is generated by the model's own story: the fit tracks the hold-out
    assertThat(expected.get(expected.size() - 1).asDouble()).isBetween(0.7 * last, 1.3 * last);
    for (JsonNode cell : c.get("pAlive").get("cells")) {
      assertThat(cell.get(2).asDouble()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void customerListsExportAsCsv() throws Exception {
    JsonNode json = getJson("api/segments/customers?segment=At%20Risk");
    HttpResponse<String> csv = get("api/segments/customers?segment=At%20Risk&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("segment-at-risk.csv");
    String[] lines = csv.body().split("\r?\n");
    assertThat(lines[0]).isEqualTo("customer_id,name,segment,tier,recency_days,frequency,monetary,r,f,m");
    assertThat(lines).hasSize(json.get("rows").size() + 1);
    assertThat(lines[1]).contains(",At Risk,");
    int atRisk = getJson("api/segments").get("segmentSizes").get(7).asInt();
    assertThat(json.get("rows")).hasSize(atRisk);

    HttpResponse<String> tier = get("api/segments/customers?tier=HIGH&format=csv");
    assertThat(tier.body().split("\r?\n")[1]).contains(",HIGH,");
    assertThat(get("api/segments/customers?tier=GOLD").statusCode()).isEqualTo(400);
  }

  @Test
  void hierarchiesRollUpTheSampleCompany() throws Exception {
    SampleCompany company = SampleCompanyGenerator.withSeed(20261122L).customers(5_000).generate();
    double revenue = 0;
    for (Transaction t : company.transactions()) {
      revenue += t.amount();
    }
    JsonNode t = getJson("api/hierarchy?name=territories");
    JsonNode root = t.get("root");
    assertThat(root.get("values").get("customers").asDouble()).isEqualTo(5_000.0);
    assertThat(root.get("values").get("revenue").asDouble()).isCloseTo(revenue, org.assertj.core.data.Offset.offset(1.0));
    double children = 0;
    for (JsonNode c : root.get("children")) {
      children += c.get("values").get("customers").asDouble();
    }
    assertThat(children).isEqualTo(5_000.0);
    JsonNode org = getJson("api/hierarchy?name=organisation").get("root");
    assertThat(org.get("values").get("headcount").asDouble()).isEqualTo(company.users().size());
    Map<String, String> names = new HashMap<>();
    company.territories().forEach(x -> names.put(x.id().value(), x.name()));
    assertThat(root.get("children").get(0).get("name").asText())
        .isEqualTo(names.get(root.get("children").get(0).get("id").asText()));
    assertThat(getJson("api/hierarchies").get("hierarchies")).hasSize(4);
  }

  @Test
  void badRequestsGetStatus400WithAMessage() throws Exception {
    HttpResponse<String> r = post("api/policy/check", Map.of("user", "nobody", "action", "read",
        "record", "c-0001"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown user 'nobody'");
    assertThat(get("api/nope").statusCode()).isEqualTo(400);
    assertThat(get("api/hierarchy?name=nope").body()).contains("unknown hierarchy 'nope'");
    assertThat(get("nope.html").statusCode()).isEqualTo(404);
  }

  @Test
  void everyPageAndScriptIsServedLocally() throws Exception {
    for (String page : List.of("", "policy", "machine", "segments", "hierarchies")) {
      HttpResponse<String> r = get(page);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("<script src=\"/assets/echarts.min.js\"></script>")
          .doesNotContainPattern("(src|href)=\"(https?:)?//");
    }
    HttpResponse<String> echarts = get("assets/echarts.min.js");
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body().length()).isGreaterThan(500_000);
    assertThat(get("assets/charts.js").body()).contains("CrmCharts");
  }
}
