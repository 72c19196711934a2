package org.crmkit.examples.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.examples.csv.Csv;
import org.jspecify.annotations.Nullable;

/**
 * The studio's JSON endpoints, one method per route, delegating to the page models ({@link
 * PolicyPage}, {@link MachinePage}, {@link SegmentsPage}, {@link HierarchiesPage}). Thread-safe:
 * the models are immutable after construction and every request builds its own answer.
 */
final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, content type, body, and a download file name for CSV exports. */
  record Response(int status, String contentType, byte[] body, @Nullable String fileName) {}

  /** A request the user can fix: a missing or unknown parameter. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  private final Workspace ws;
  private final PolicyPage policy;
  private final MachinePage machine;
  private final SegmentsPage segments;
  private final HierarchiesPage hierarchies;

  Api(Workspace ws) {
    this.ws = ws;
    this.policy = new PolicyPage(ws);
    this.machine = new MachinePage(ws);
    this.segments = new SegmentsPage(ws);
    this.hierarchies = new HierarchiesPage(ws);
  }

  Response handle(String path, Map<String, String> query, @Nullable JsonNode body) {
    return switch (path) {
      case "/api/info" -> json(info());
      case "/api/policy" -> json(policy.overview());
      case "/api/policy/check" -> json(policy.check(required(body, path)));
      case "/api/policy/who-can" -> json(policy.whoCan(required(body, path)));
      case "/api/policy/matrix" -> json(policy.matrix());
      case "/api/policy/validate" -> json(policy.validate(required(body, path)));
      case "/api/machines" -> json(machine.machines());
      case "/api/machine" -> json(machine.describe(query.get("name")));
      case "/api/machine/fire" -> json(machine.fire(required(body, path)));
      case "/api/machine/replay" -> json(machine.replay(required(body, path)));
      case "/api/segments" -> json(segments.overview());
      case "/api/segments/customers" -> customers(query);
      case "/api/hierarchies" -> json(hierarchies.list());
      case "/api/hierarchy" -> json(hierarchies.tree(param(query, "name")));
      default -> throw new BadRequest("no such endpoint: " + path);
    };
  }

  private Map<String, Object> info() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("company", ws.companySource);
    m.put("policy", ws.policySource);
    m.put("machine", ws.machineSource);
    m.put("transactions", ws.transactionsSource);
    m.put("users", ws.organisation.users().size());
    m.put("records", ws.records.size());
    m.put("transactionCount", ws.transactions.size());
    return m;
  }

  private Response customers(Map<String, String> query) {
    String segment = query.get("segment");
    String tier = query.get("tier");
    if ((segment == null) == (tier == null)) {
      throw new BadRequest("give exactly one of the parameters 'segment' and 'tier'");
    }
    List<List<String>> rows = segment != null
        ? segments.customersOfSegment(segment) : segments.customersOfTier(tier);
    if ("csv".equals(query.get("format"))) {
      StringWriter w = new StringWriter();
      try {
        Csv.writeRow(w, SegmentsPage.CUSTOMER_HEADER);
        for (List<String> r : rows) {
          Csv.writeRow(w, r);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = (segment != null ? "segment-" + segment : "tier-" + tier)
          .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") + ".csv";
      return new Response(200, "text/csv; charset=utf-8",
          w.toString().getBytes(StandardCharsets.UTF_8), name);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("header", SegmentsPage.CUSTOMER_HEADER);
    m.put("rows", rows);
    return json(m);
  }

  static JsonNode required(@Nullable JsonNode body, String path) {
    if (body == null) {
      throw new BadRequest(path + " expects a POST with a JSON body");
    }
    return body;
  }

  static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new BadRequest("the request needs a non-blank string '" + field + "'");
    }
    return n.asText();
  }

  private static String param(Map<String, String> query, String name) {
    String v = query.get(name);
    if (v == null || v.isBlank()) {
      throw new BadRequest("the request needs the parameter '" + name + "'");
    }
    return v;
  }

  private static Response json(Object value) {
    try {
      return new Response(200, "application/json", JSON.writeValueAsBytes(value), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
