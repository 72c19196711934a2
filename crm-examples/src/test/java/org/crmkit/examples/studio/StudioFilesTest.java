package org.crmkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.model.Transaction;
import org.crmkit.testkit.company.SampleCompany;
import org.crmkit.testkit.company.SampleCompanyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio on files given on the command line instead of the sample company's parts. */
class StudioFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static JsonNode call(Studio s, String path, Map<String, ?> body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(s.url().resolve(path));
    if (body != null) {
      r.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> res = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as("%s: %s", path, res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }

  @Test
  void aPolicyWithItsDataAMachineAndATransactionLog() throws Exception {
    SampleCompany c = SampleCompanyGenerator.withSeed(7).customers(300).generate();
    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
    Set<String> customers = new HashSet<>();
    for (Transaction t : c.transactions()) {
      csv.append(t.customer().value()).append(',').append(t.date()).append(',').append(t.amount()).append('\n');
      customers.add(t.customer().value());
    }
    Path tx = Files.writeString(dir.resolve("tx.csv"), csv);
    Path policy = Path.of("src/test/resources/access/policy.json");
    Path data = Path.of("src/test/resources/access/data.json");
    try (Studio s = Studio.start(new Studio.Options(policy, data, "sales-funnel", null, tx,
        20261122L, 200, 0))) {
      JsonNode info = call(s, "api/info", null);
      assertThat(info.get("policy").asText()).isEqualTo(policy.toString());
      assertThat(info.get("users").asInt()).isEqualTo(5);
      assertThat(info.get("records").asInt()).isEqualTo(4);

      // bob owns c1; eve (sales-south) may read it through a sharing rule, not update it; c3 is
      // shared with bob by hand
      assertThat(call(s, "api/policy/check", Map.of("user", "bob", "action", "update", "record", "c1"))
          .get("decision").asText()).isEqualTo("ALLOW");
      assertThat(call(s, "api/policy/check", Map.of("user", "eve", "action", "update", "record", "c1"))
          .get("decision").asText()).isEqualTo("DENY");
      JsonNode shared = call(s, "api/policy/check", Map.of("user", "bob", "action", "read", "record", "c3"));
      assertThat(shared.get("decision").asText()).isEqualTo("ALLOW");
      assertThat(shared.get("basis").asText()).isEqualTo("manual share");
      assertThat(shared.get("user").asText()).isEqualTo("Bob (bob)");

      assertThat(call(s, "api/machines", null).get("loaded").asText()).isEqualTo("sales-funnel");
      assertThat(call(s, "api/segments", null).get("customers").asInt()).isEqualTo(customers.size());
      assertThat(call(s, "api/hierarchies", null).toString()).contains("data-organisation");
      JsonNode org = call(s, "api/hierarchy?name=data-organisation", null).get("root");
      assertThat(org.get("id").asText()).isEqualTo("acme");
      assertThat(org.get("values").get("headcount").asDouble()).isEqualTo(5.0);
    }
  }
}
