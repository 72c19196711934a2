package org.crmkit.examples.studio;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} driven through its {@code
 * chromedriver} (system properties {@code crmkit.chromium} and {@code crmkit.chromedriver}
 * override the paths). Both paths are given explicitly, so Selenium Manager never runs and nothing
 * is downloaded. Where either is missing the calling test is skipped with a message saying so;
 * {@code .ci/run} installs both and fails if the browser tests were skipped.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("crmkit.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("crmkit.chromedriver", "/usr/bin/chromedriver"));
  /** Where screenshots go: target/studio-screenshots, and also crmkit.screenshots when set. */
  static final Path SCREENSHOTS = Path.of("target", "studio-screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts headless Chromium, or skips the calling test when it is not installed. */
  static Browser start() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "BROWSER TESTS SKIPPED: no headless Chromium here (need " + CHROMIUM + " and "
            + CHROMEDRIVER + "; on Debian: apt-get install chromium chromium-driver)");
    Path profile = Files.createTempDirectory("crmkit-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // the flags this machine needs: its network is closed, so no background connections
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  /** Opens {@code url} and waits until the page's scripts have loaded and the network is idle. */
  void open(String url) {
    driver.get(url);
    waitFor("document.readyState === 'complete' && window.CrmCharts !== undefined");
  }

  /** Waits (up to 30 s) until the script returns true. */
  void waitFor(String condition) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!(" + condition + ");")));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The browser console's warnings and errors since the last call. */
  List<String> consoleProblems() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        out.add(e.getLevel() + " " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * The chart in element {@code id}: its series types and names, its category axes' labels, and
   * the texts drawn in its SVG (every visible label is a text element).
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> chart(String id) {
    return (Map<String, Object>) js(
        "var el = document.getElementById(arguments[0]);"
            + "var c = echarts.getInstanceByDom(el); if (!c) { return null; }"
            + "var o = c.getOption();"
            + "var cats = function (axes) { return (axes || []).filter(function (a) { return a.type === 'category'; })"
            + "  .map(function (a) { return a.data.map(String); }); };"
            + "return {series: o.series.map(function (s) { return s.type + ':' + (s.name || ''); }),"
            + " x: cats(o.xAxis), y: cats(o.yAxis),"
            + " texts: Array.prototype.map.call(el.querySelectorAll('svg text'), function (t) { return t.textContent; }),"
            + " nodes: o.series[0].data ? o.series[0].data.length : 0};", id);
  }

  /** Saves a screenshot of the page as target/studio-screenshots/NAME.png (and a copy where asked). */
  Path screenshot(String name, int height) throws IOException {
    return screenshot(name, height, true);
  }

  /** As {@link #screenshot(String, int)}; {@code top}: scrolled to the top of the page first. */
  Path screenshot(String name, int height, boolean top) throws IOException {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, height));
    if (top) {
      js("window.scrollTo(0, 0);");
    }
    // let the charts follow the new size before the picture is taken
    js("Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (el) {"
        + " var c = echarts.getInstanceByDom(el); if (c) { c.resize(); } });");
    File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SCREENSHOTS);
    Path to = SCREENSHOTS.resolve(name + ".png");
    Files.copy(png.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    String extra = System.getProperty("crmkit.screenshots");
    if (extra != null && !extra.isBlank()) {
      Path dir = Path.of(extra);
      if (!dir.isAbsolute() && System.getProperty("crmkit.data") != null) {
        // relative to the repository root (crmkit.data is its data/ folder)
        dir = Path.of(System.getProperty("crmkit.data")).toAbsolutePath().getParent().resolve(dir);
      }
      Files.createDirectories(dir);
      smaller(png.toPath(), dir.resolve("studio-" + name + ".png"), 800);
    }
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    return to;
  }

  /** A copy of a PNG scaled down to {@code width} pixels (the README's small screenshots). */
  private static void smaller(Path from, Path to, int width) throws IOException {
    java.awt.image.BufferedImage in = javax.imageio.ImageIO.read(from.toFile());
    int height = (int) Math.round(in.getHeight() * (width / (double) in.getWidth()));
    java.awt.image.BufferedImage out =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = out.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
        java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(in, 0, 0, width, height, null);
    g.dispose();
    javax.imageio.ImageIO.write(out, "png", to.toFile());
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
