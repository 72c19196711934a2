package org.crmkit.examples.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The studio's static files, read once from the class path: the pages and their script and style
 * under this package's {@code web/} folder, and Apache ECharts from its webjar. Thread-safe.
 */
final class Assets {
  /** A file to serve. */
  record Asset(String contentType, byte[] bytes) {}

  private static final Map<String, String> ROUTES = Map.of(
      "/", "index.html",
      "/policy", "policy.html",
      "/machine", "machine.html",
      "/segments", "segments.html",
      "/hierarchies", "hierarchies.html",
      "/assets/studio.js", "studio.js",
      "/assets/charts.js", "charts.js",
      "/assets/studio.css", "studio.css");

  private static final Map<String, Asset> CACHE = new ConcurrentHashMap<>();

  private Assets() {}

  /** The asset served at {@code path}, or null when there is none. */
  static @Nullable Asset find(String path) {
    if ("/assets/echarts.min.js".equals(path)) {
      return CACHE.computeIfAbsent(path,
          p -> new Asset("text/javascript; charset=utf-8", echarts().getBytes(StandardCharsets.UTF_8)));
    }
    String file = ROUTES.get(path);
    if (file == null) {
      return null;
    }
    return CACHE.computeIfAbsent(path, p -> new Asset(type(file),
        web(file).getBytes(StandardCharsets.UTF_8)));
  }

  /** A file of the {@code web/} folder as text. */
  static String web(String file) {
    return Workspace.resource("web/" + file);
  }

  /** The minified Apache ECharts bundle of the webjar on the class path. */
  static String echarts() {
    String version = echartsVersion();
    String path = "/META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js";
    try (InputStream in = Assets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the echarts webjar lacks " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version of the echarts webjar on the class path. */
  static String echartsVersion() {
    String props = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(props)) {
      if (in == null) {
        throw new IllegalStateException("the echarts webjar is not on the class path (" + props + ")");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String type(String file) {
    if (file.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (file.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/javascript; charset=utf-8";
  }
}
