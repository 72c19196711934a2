package org.crmkit.examples.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crmkit.core.CrmException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * crmkit studio: a local web server with four interactive pages — policy playground, machine
 * viewer, segments and value, hierarchies — over the seeded sample company or the files given in
 * {@link Options}. It listens on the loopback interface only and serves every script and style
 * from the class path (Apache ECharts from its webjar), so it works without any network access.
 * A started studio is thread-safe; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (Studio studio = Studio.start(Studio.Options.sample(0))) {   // 0: any free port
 *   URI url = studio.url();                                       // http://127.0.0.1:PORT/
 * }
 * }</pre>
 */
public final class Studio implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Studio.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the studio shows: each file replaces the matching part of the seeded sample company.
   *
   * @param policy a policy document ({@code crmkit.policy/1}), or null for the sample company's
   * @param data users and records ({@code crmkit.access-data/1}), required with {@code policy}
   * @param machine a built-in machine name, or null (with no definition: customer-lifecycle)
   * @param definition a machine definition ({@code crmkit.lifecycle/1}), or null
   * @param transactions a transaction CSV ({@code customer_id,date,amount}), or null
   * @param seed the sample company's generator seed
   * @param customers the sample company's customer count (at least 100)
   * @param port the TCP port, 0 for any free one
   */
  public record Options(@Nullable Path policy, @Nullable Path data, @Nullable String machine,
      @Nullable Path definition, @Nullable Path transactions, long seed, int customers, int port) {

    /** The sample company with the default seed and 5,000 customers on {@code port}. */
    public static Options sample(int port) {
      return new Options(null, null, null, null, null, 20261122L, 5_000, port);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI url;

  private Studio(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /**
   * Loads everything and starts serving.
   *
   * @throws CrmException if a file cannot be read or is invalid (every problem is named), if the
   *     options are inconsistent, or if the port cannot be bound
   */
  public static Studio start(Options options) {
    if ((options.policy() == null) != (options.data() == null)) {
      throw new CrmException("--policy and --data go together; give both or neither");
    }
    if (options.machine() != null && options.definition() != null) {
      throw new CrmException("give --machine or --definition, not both");
    }
    if (options.customers() < 100) {
      throw new CrmException("--customers must be at least 100, but was " + options.customers());
    }
    if (options.port() < 0 || options.port() > 65_535) {
      throw new CrmException("--port must be between 0 and 65535, but was " + options.port());
    }
    Workspace ws = new Workspace(options);
    Api api = new Api(ws);
    HttpServer server;
    try {
      server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    } catch (IOException e) {
      throw new CrmException("cannot listen on port " + options.port() + ": " + e.getMessage());
    }
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "crmkit-studio");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, api));
    server.start();
    Studio studio = new Studio(server, executor);
    LOG.info("crmkit studio serving {} at {}", ws.companySource, studio.url);
    return studio;
  }

  /** The address of the start page, such as {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return url;
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void handle(HttpExchange ex, Api api) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      try {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        if (path.startsWith("/api/")) {
          JsonNode body = null;
          if ("POST".equals(ex.getRequestMethod())) {
            try (InputStream in = ex.getRequestBody()) {
              byte[] bytes = in.readAllBytes();
              body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            }
          }
          Api.Response r = api.handle(path, query, body);
          send(ex, r.status(), r.contentType(), r.body(), r.fileName());
        } else {
          Assets.Asset a = Assets.find(path);
          if (a == null) {
            send(ex, 404, "text/plain; charset=utf-8",
                ("not found: " + path).getBytes(StandardCharsets.UTF_8), null);
          } else {
            send(ex, 200, a.contentType(), a.bytes(), null);
          }
        }
      } catch (Api.BadRequest | CrmException | IOException e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("error", e.getMessage());
        send(ex, 400, "application/json", JSON.writeValueAsBytes(err), null);
      } catch (RuntimeException e) {
        LOG.error("studio request {} failed", path, e);
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("error", "unexpected failure: " + e);
        send(ex, 500, "application/json", JSON.writeValueAsBytes(err), null);
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body,
      @Nullable String fileName) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    if (fileName != null) {
      ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(@Nullable String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new Api.BadRequest("malformed query parameter '" + pair + "': " + e.getMessage());
      }
    }
    return q;
  }
}
