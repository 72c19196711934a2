package org.crmkit.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example application started on a random port and called over real HTTP, as a client would;
 * run on each database by a subclass.
 */
abstract class CrmExampleHttpContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  record Reply(int status, String contentType, JsonNode body) {}

  Reply call(String user, String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
    }
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body);
  }

  Reply get(String user, String path) throws IOException, InterruptedException {
    return call(user, "GET", path, null);
  }

  Reply post(String user, String path, String json) throws IOException, InterruptedException {
    return call(user, "POST", path, json);
  }

  static List<String> ids(JsonNode array) {
    assertThat(array.isArray()).as(array.toString()).isTrue();
    return array.valueStream().map(n -> n.get("id").asString()).toList();
  }

  @Test
  void customersAreListedThroughTheAccessPredicate() throws Exception {
    // policy.json: a rep reads their own customers, a manual share gives bob c3; sales-north's
    // customers are shared with sales-south; an admin reads everything
    assertThat(ids(get("bob", "/api/customers").body())).containsExactly("c1", "c3", "c4");
    assertThat(ids(get("eve", "/api/customers").body())).containsExactly("c1", "c2", "c4");
    assertThat(ids(get("ceo", "/api/customers").body())).containsExactly("c1", "c2", "c3", "c4");
    // sam, a service agent, is on c2's record team, and retail customers (c1) are shared with agents
    assertThat(ids(get("sam", "/api/customers").body())).containsExactly("c1", "c2");
    assertThat(get(null, "/api/customers").status()).isEqualTo(401);
  }

  @Test
  void accessChecksComeWithExplanations() throws Exception {
    Reply allowed = get("bob", "/api/customers/c1/access/update");
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.body().get("allowed").asBoolean()).isTrue();
    Reply denied = get("eve", "/api/customers/c1/access/update");
    assertThat(denied.body().get("allowed").asBoolean()).isFalse();
    assertThat(denied.body().get("user").asString()).isEqualTo("eve");
    assertThat(denied.body().get("explanation").asString()).startsWith("denied");
  }

  @Test
  void lifecycleEventsAreAppliedWithOptimisticVersions() throws Exception {
    Reply before = get("bob", "/api/customers/c4/lifecycle");
    assertThat(before.status()).isEqualTo(200);
    long version = before.body().get("state").get("version").asLong();
    String state = before.body().get("state").get("state").asString();
    assertThat(before.body().get("history").size()).isEqualTo((int) version);

    Reply fired = post("bob", "/api/customers/c4/lifecycle/events",
        "{\"event\": \"order-paid\", \"version\": " + version + ", \"context\": {\"paidOrders\": 1}}");
    assertThat(fired.status()).as(fired.body().toString()).isEqualTo(200);
    assertThat(fired.body().get("version").asLong()).isEqualTo(version + 1);
    assertThat(fired.body().get("state").asString()).isNotEqualTo(state);

    // a second client still holding the old version: 409, nothing written
    Reply stale = post("bob", "/api/customers/c4/lifecycle/events",
        "{\"event\": \"order-paid\", \"version\": " + version + ", \"context\": {\"paidOrders\": 2}}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.body().get("type").asString()).endsWith("/version-conflict");
    Reply after = get("bob", "/api/customers/c4/lifecycle");
    assertThat(after.body().get("state").get("version").asLong()).isEqualTo(version + 1);
    assertThat(after.body().get("history").size()).isEqualTo((int) version + 1);

    // an event the machine does not allow in this state: 422 with the machine's reason
    Reply rejected = post("bob", "/api/customers/c4/lifecycle/events",
        "{\"event\": \"no-such-event\", \"version\": " + (version + 1) + "}");
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body().get("detail").asString()).contains("no-such-event");
  }

  @Test
  void aForbiddenUpdateIsA403WithTheExplanation() throws Exception {
    long version = get("ceo", "/api/customers/c1/lifecycle").body().get("state").get("version").asLong();
    Reply denied = post("eve", "/api/customers/c1/lifecycle/events",
        "{\"event\": \"order-paid\", \"version\": " + version + "}");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.contentType()).startsWith("application/problem+json");
    assertThat(denied.body().get("explanation").asString()).startsWith("denied")
        .contains("owned by 'bob', not 'eve'");
    assertThat(denied.body().get("detail").asString()).doesNotEndWith(":");
    assertThat(get("ceo", "/api/customers/c1/lifecycle").body().get("state").get("version").asLong())
        .isEqualTo(version);
  }

  @Test
  void rfmScoresOfACustomer() throws Exception {
    Reply score = get("bob", "/api/customers/c1/rfm");
    assertThat(score.status()).isEqualTo(200);
    // c1 bought twice, on 2026-10-02 and 2026-11-20, for 2,000 in all; scored as of 2026-11-30
    assertThat(score.body().get("frequency").asInt()).isEqualTo(2);
    assertThat(score.body().get("recencyDays").asInt()).isEqualTo(10);
    assertThat(score.body().get("monetary").asDouble()).isEqualTo(2000.0);
    assertThat(score.body().get("r").asInt()).isBetween(1, 3);
    assertThat(get("bob", "/api/customers/c2/rfm").status()).isEqualTo(403);
  }

  @Test
  void newLeadsAreAssignedRoundRobinWithStoredState() throws Exception {
    Set<String> assignees = new HashSet<>();
    for (String lead : List.of("L-1", "L-2")) {
      Reply r = post("mia", "/api/leads", "{\"id\": \"" + lead + "\", \"territory\": \"de\"}");
      assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
      assertThat(r.body().get("rule").asString()).isEqualTo("emea");
      assignees.add(r.body().get("assignee").asString());
    }
    assertThat(assignees).containsExactlyInAnyOrder("bob", "eve");
    Reply web = post("mia", "/api/leads", "{\"id\": \"L-3\", \"source\": \"web\"}");
    assertThat(web.body().get("assignee").asString()).isEqualTo("inside-sales");
    assertThat(web.body().get("queue").asBoolean()).isTrue();
  }
}
