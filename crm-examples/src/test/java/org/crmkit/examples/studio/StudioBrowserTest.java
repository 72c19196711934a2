package org.crmkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crmkit.examples.cli.Crmkit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * crmkit studio and the demo report in a real browser (headless Chromium): every page loads
 * without console errors, its charts exist with the expected series and every category label
 * drawn, and the interactive parts answer. Screenshots go to {@code target/studio-screenshots/}.
 */
class StudioBrowserTest {
  private static Studio studio;
  private Browser browser;

  @BeforeAll
  static void startStudio() {
    studio = Studio.start(Studio.Options.sample(0));
  }

  @AfterAll
  static void stopStudio() {
    studio.close();
  }

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  private void open(String page) {
    browser.open(studio.url().resolve(page).toString());
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> chart, String key) {
    return (List<String>) chart.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<String> firstAxis(Map<String, Object> chart, String key) {
    return ((List<List<String>>) chart.get(key)).get(0);
  }

  /** Every category of the chart's first x (and y) category axis is drawn as a text. */
  private static void everyCategoryLabelIsDrawn(Map<String, Object> chart) {
    List<String> texts = list(chart, "texts");
    for (String axis : List.of("x", "y")) {
      @SuppressWarnings("unchecked")
      List<List<String>> axes = (List<List<String>>) chart.get(axis);
      for (List<String> categories : axes) {
        assertThat(texts).as("drawn labels of the %s axis", axis).containsAll(categories);
      }
    }
  }

  private void showTip(String chart, int dataIndex) {
    browser.js("echarts.getInstanceByDom(document.getElementById(arguments[0]))"
        + ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: arguments[1]});", chart, dataIndex);
  }

  /** A condition: some HTML element inside the chart (its tooltip) has text matching the regex. */
  private static String tooltipMatches(String chart, String regex) throws Exception {
    return "Array.prototype.some.call(document.querySelectorAll('#" + chart + " div'), function (d) {"
        + " return new RegExp(" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(regex)
        + ").test(d.innerText); })";
  }

  @Test
  void startPageNamesTheDataAndLinksEveryPage() throws Exception {
    open("");
    browser.waitFor("document.getElementById('info').textContent.indexOf('Showing') === 0");
    assertThat(browser.driver.findElement(By.id("info")).getText())
        .contains("sample company (seed 20261122, 5000 customers)").contains("200 users");
    assertThat(browser.driver.findElements(By.cssSelector(".tiles a"))).hasSize(4);
    assertThat(browser.consoleProblems()).isEmpty();
    browser.screenshot("start", 700);
  }

  @Test
  void policyPlaygroundDecidesExplainsAndValidatesEdits() throws Exception {
    open("policy");
    browser.waitFor("document.getElementById('decision') && document.querySelector('#who-can table')"
        + " && echarts.getInstanceByDom(document.getElementById('matrix-chart'))");
    // the first view: the record's owner reading it
    assertThat(browser.driver.findElement(By.id("decision")).getText()).isEqualTo("ALLOW");
    assertThat(browser.driver.findElement(By.id("explanation")).getText())
        .contains("sales-rep").contains("scope own");

    // the owner exporting it: the deny rule, explained in full
    new Select(browser.driver.findElement(By.id("check-action"))).selectByValue("export");
    browser.waitFor("document.getElementById('decision').textContent === 'DENY'");
    assertThat(browser.driver.findElement(By.id("explanation")).getText()).contains("reps-never-export");

    Map<String, Object> matrix = browser.chart("matrix-chart");
    assertThat(list(matrix, "series")).containsExactly("heatmap:actions allowed");
    assertThat(firstAxis(matrix, "x")).hasSize(PolicyPage.MATRIX_MAX);
    assertThat(firstAxis(matrix, "y")).anyMatch(u -> u.endsWith("(u-admin)"));
    everyCategoryLabelIsDrawn(matrix);
    showTip("matrix-chart", 0);
    browser.waitFor(tooltipMatches("matrix-chart", "user: .+ \\(u-[a-z0-9-]+\\)[\\s\\S]*actions allowed: \\d"));
    browser.screenshot("policy", 1480);

    // an invalid edit shows its JSON path
    WebElement editor = browser.driver.findElement(By.id("policy-editor"));
    String policy = editor.getAttribute("value");
    browser.js("var e = document.getElementById('policy-editor'); e.value = arguments[0];"
        + " e.dispatchEvent(new Event('input'));", policy.replaceFirst("\"scope\": \"own\"", "\"scope\": \"mine\""));
    browser.waitFor("document.querySelectorAll('#policy-problems li').length > 0");
    assertThat(browser.driver.findElement(By.id("policy-problems")).getText())
        .contains("$.grants[0].scope").contains("mine");
    browser.js("document.getElementById('policy-editor').scrollIntoView();");
    browser.screenshot("policy-invalid-edit", 1000, false);

    // a valid edit shows who gains what
    browser.js("var e = document.getElementById('policy-editor'); e.value = arguments[0];"
        + " e.dispatchEvent(new Event('input'));", policy.replaceFirst(
            "\"scope\": \"territory\", \"actions\": \\[\"read\"\\]", "\"scope\": \"all\", \"actions\": [\"read\"]"));
    browser.waitFor("document.getElementById('policy-diff-table')");
    assertThat(browser.driver.findElement(By.id("policy-status")).getText()).contains("Valid").contains("gained");
    assertThat(browser.driver.findElement(By.id("policy-diff-table")).getText()).contains("gains").contains("read");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void machineViewerDrawsTheDiagramAndFiresEvents() throws Exception {
    open("machine");
    browser.waitFor("echarts.getInstanceByDom(document.getElementById('machine-chart'))"
        + " && document.getElementById('fire-state').value === 'potential'");
    Map<String, Object> chart = browser.chart("machine-chart");
    assertThat(list(chart, "series")).containsExactly("graph:");
    assertThat(list(chart, "texts")).contains("potential", "intentional", "closed-deal", "loyal", "churned");

    new Select(browser.driver.findElement(By.id("fire-state"))).selectByValue("intentional");
    new Select(browser.driver.findElement(By.id("fire-event"))).selectByValue("order-paid");
    browser.js("document.getElementById('fire-context').value = '{\"paidOrders\": 1}';");
    browser.driver.findElement(By.id("fire-button")).click();
    browser.waitFor("document.getElementById('current-state')");
    assertThat(browser.driver.findElement(By.id("fire-outcome")).getText()).isEqualTo("ACCEPTED");
    assertThat(browser.driver.findElement(By.id("current-state")).getText()).isEqualTo("closed-deal");
    assertThat(browser.driver.findElement(By.id("fire-result")).getText()).contains("send-welcome");
    browser.waitFor("document.getElementById('machine-chart').textContent.indexOf('current state: closed-deal') >= 0");

    // a guard that fails: rejected, with the guard named
    new Select(browser.driver.findElement(By.id("fire-state"))).selectByValue("intentional");
    browser.js("document.getElementById('fire-context').value = '{}';");
    browser.driver.findElement(By.id("fire-button")).click();
    browser.waitFor("document.getElementById('fire-outcome').textContent === 'REJECTED'");
    assertThat(browser.driver.findElement(By.id("fire-result")).getText()).contains("first-order-paid");

    // replay the sample log step by step
    browser.driver.findElement(By.id("replay-load")).click();
    browser.waitFor("document.getElementById('replay-state')");
    browser.driver.findElement(By.id("replay-next")).click();
    browser.waitFor("document.querySelector('#replay-steps tr.current')");
    assertThat(browser.driver.findElement(By.id("replay-status")).getText()).contains("step 1 of");
    assertThat(browser.consoleProblems()).isEmpty();
    browser.screenshot("machine", 1250);
  }

  @Test
  void segmentsPageDrawsEveryChartWithEveryLabel() throws Exception {
    open("segments");
    browser.waitFor("echarts.getInstanceByDom(document.getElementById('clv-palive-chart'))"
        + " && document.querySelectorAll('#customer-table tbody tr').length > 0");
    Map<String, Object> sizes = browser.chart("segment-sizes-chart");
    assertThat(list(sizes, "series")).containsExactly("bar:customers");
    assertThat(firstAxis(sizes, "x")).hasSize(11).contains("At Risk", "Can't Lose Them", "Champions");
    everyCategoryLabelIsDrawn(sizes);
    Map<String, Object> revenue = browser.chart("segment-revenue-chart");
    assertThat(list(revenue, "series")).containsExactly("bar:revenue");
    everyCategoryLabelIsDrawn(revenue);
    assertThat(list(revenue, "texts")).anyMatch(t -> t.matches("\\d{1,3}(,\\d{3})+"));
    // tooltips: the category's name and its value with thousands separators
    showTip("segment-revenue-chart", 0);
    browser.waitFor(tooltipMatches("segment-revenue-chart", "Champions[\\s\\S]*\\d,\\d{3}"));
    Map<String, Object> rf = browser.chart("rf-chart");
    assertThat(list(rf, "series")).containsExactly("heatmap:customers");
    everyCategoryLabelIsDrawn(rf);
    assertThat(list(browser.chart("pareto-chart"), "series")).containsExactly("line:cumulative value share");
    Map<String, Object> calibration = browser.chart("clv-calibration-chart");
    assertThat(list(calibration, "series")).containsExactly("bar:observed", "line:expected (model)");
    assertThat(firstAxis(calibration, "x")).containsExactly("0", "1", "2", "3", "4", "5", "6", "7+");
    everyCategoryLabelIsDrawn(calibration);
    assertThat(list(browser.chart("clv-tracking-chart"), "series"))
        .containsExactly("line:observed", "line:expected (model)");
    Map<String, Object> alive = browser.chart("clv-palive-chart");
    assertThat(list(alive, "series")).containsExactly("heatmap:P(alive)");
    everyCategoryLabelIsDrawn(alive);
    assertThat(browser.driver.findElement(By.id("export-csv")).getAttribute("href"))
        .endsWith("/api/segments/customers?segment=Champions&format=csv");
    assertThat(browser.consoleProblems()).isEmpty();
    browser.screenshot("segments", 2600);
  }

  @Test
  void hierarchiesPageShowsATreeWithRollUpsAndSearch() throws Exception {
    open("hierarchies");
    browser.waitFor("echarts.getInstanceByDom(document.getElementById('tree-chart'))");
    Map<String, Object> tree = browser.chart("tree-chart");
    assertThat(list(tree, "series")).containsExactly("tree:");
    assertThat(list(tree, "texts")).anyMatch(t -> t.startsWith("EMEA (emea)") && t.contains("revenue"));
    browser.js("var e = document.getElementById('hierarchy-search'); e.value = 'berlin';"
        + " e.dispatchEvent(new Event('input'));");
    browser.waitFor("document.querySelectorAll('#hierarchy-matches tbody tr').length > 0");
    assertThat(browser.driver.findElement(By.id("hierarchy-matches")).getText()).contains("Berlin");
    browser.waitFor("Array.prototype.some.call(document.querySelectorAll('#tree-chart svg text'),"
        + " function (t) { return t.textContent.indexOf('Berlin') === 0; })");
    assertThat(browser.consoleProblems()).isEmpty();
    browser.screenshot("hierarchies", 1000);
  }

  @Test
  void theDemoReportIsSelfContainedAndDrawsEveryLabelAndTheDiagram(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.html");
    StringWriter err = new StringWriter();
    int status = Crmkit.run(new String[] {"demo", "--customers", "2000", "--report", report.toString(),
        "--jdbc-url", "jdbc:h2:mem:report-browser-test"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(status).as("demo: %s", err).isZero();
    assertThat(Files.size(report)).isLessThan(3_000_000);
    browser.open(report.toUri().toString());
    browser.waitFor("document.querySelectorAll('.chart svg').length === document.querySelectorAll('.chart').length");
    int charts = ((Number) browser.js("return document.querySelectorAll('.chart').length;")).intValue();
    assertThat(charts).isGreaterThanOrEqualTo(5);
    for (int i = 0; i < charts; i++) {
      Map<String, Object> c = browser.chart("chart-" + i);
      everyCategoryLabelIsDrawn(c);
      if (list(c, "series").contains("graph:")) {
        assertThat(list(c, "texts")).contains("potential", "closed-deal", "churned");
      }
    }
    assertThat((String) browser.js("return document.body.innerText;"))
        .contains("Customers by current lifecycle stage").doesNotContain("stateDiagram");
    assertThat(browser.consoleProblems()).isEmpty();
    browser.js("var g = Array.prototype.filter.call(document.querySelectorAll('.chart'), function (el) {"
        + " return echarts.getInstanceByDom(el).getOption().series[0].type === 'graph'; })[0];"
        + " g.previousElementSibling.scrollIntoView();");
    browser.screenshot("demo-report", 1000, false);
  }
}
