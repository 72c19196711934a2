package org.crmkit.examples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.examples.studio.ReportCharts;

/**
 * A self-contained HTML report: sections of text, tables and charts. The charts are the ones
 * crmkit studio draws (Apache ECharts, inlined with crmkit's chart functions into the one file),
 * so the report opens anywhere without a network, shows every category label, has tooltips and
 * draws lifecycle machines as diagrams. Not thread-safe.
 */
final class HtmlReport {
  private final String title;
  private final List<String> body = new ArrayList<>();
  private final List<Map<String, Object>> charts = new ArrayList<>();

  /** A report with a title. */
  public HtmlReport(String title) {
    this.title = title;
  }

  /** Starts a section. */
  public HtmlReport section(String heading) {
    body.add("<h2>" + escape(heading) + "</h2>");
    return this;
  }

  /** A paragraph of text. */
  public HtmlReport paragraph(String text) {
    body.add("<p>" + escape(text) + "</p>");
    return this;
  }

  /** Preformatted text (an explanation, a diagram source). */
  public HtmlReport preformatted(String text) {
    body.add("<pre>" + escape(text) + "</pre>");
    return this;
  }

  /** A table. */
  public HtmlReport table(TextTable table) {
    StringBuilder b = new StringBuilder("<table><thead><tr>");
    table.headers().forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (List<String> row : table.rows()) {
      b.append("<tr>");
      row.forEach(c -> b.append(c.matches("[-+]?[0-9][0-9,.]*%?") ? "<td>" : "<td class=\"text\">")
          .append(escape(c)).append("</td>"));
      b.append("</tr>");
    }
    body.add(b.append("</tbody></table>").toString());
    return this;
  }

  /** A bar chart of named values: every name is shown under its bar. */
  public HtmlReport barChart(String chartTitle, String xTitle, String yTitle, List<String> names,
      List<? extends Number> values) {
    Map<String, Object> spec = spec("bar", chartTitle);
    spec.put("xTitle", xTitle);
    spec.put("yTitle", yTitle);
    spec.put("categories", names);
    spec.put("series", List.of(Map.of("name", yTitle, "values", values)));
    return chart(spec, names.size() > 12 ? 480 : 420);
  }

  /**
   * Lines over named points (a bar series where {@code bars} is true), e.g. observed beside
   * expected purchases per week.
   */
  public HtmlReport lineChart(String chartTitle, String xTitle, String yTitle, List<String> names,
      Map<String, List<? extends Number>> series) {
    Map<String, Object> spec = spec("line", chartTitle);
    spec.put("xTitle", xTitle);
    spec.put("yTitle", yTitle);
    spec.put("categories", names);
    List<Map<String, Object>> s = new ArrayList<>();
    series.forEach((name, values) -> s.add(Map.of("name", name, "values", values)));
    spec.put("series", s);
    return chart(spec, 420);
  }

  /**
   * A heat map: {@code cells[y][x]} over x labels and y labels (e.g. customers per R×F score
   * cell).
   */
  public HtmlReport heatMap(String chartTitle, String xTitle, String yTitle, List<String> xLabels,
      List<String> yLabels, int[][] cells) {
    Map<String, Object> spec = spec("heatmap", chartTitle);
    spec.put("xTitle", xTitle);
    spec.put("yTitle", yTitle);
    spec.put("x", xLabels);
    spec.put("y", yLabels);
    List<int[]> data = new ArrayList<>();
    for (int y = 0; y < cells.length; y++) {
      for (int x = 0; x < cells[y].length; x++) {
        data.add(new int[] {x, y, cells[y][x]});
      }
    }
    spec.put("cells", data);
    spec.put("valueName", "customers");
    return chart(spec, 480);
  }

  /** A lifecycle machine drawn as a state diagram (states as boxes, transitions as arrows). */
  public HtmlReport machineDiagram(String chartTitle, Machine machine) {
    Map<String, Object> spec = spec("machine", chartTitle);
    spec.put("graph", ReportCharts.machineGraph(machine));
    return chart(spec, 460);
  }

  private static Map<String, Object> spec(String type, String chartTitle) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", type);
    spec.put("title", chartTitle);
    return spec;
  }

  private HtmlReport chart(Map<String, Object> spec, int height) {
    body.add("<div class=\"chart\" id=\"chart-" + charts.size() + "\" style=\"height:" + height
        + "px\" role=\"img\" aria-label=\"" + escape(String.valueOf(spec.get("title"))) + "\"></div>");
    charts.add(spec);
    return this;
  }

  /** The whole document, with the chart scripts inlined. */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title) + "</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;"
        + "vertical-align:top}th{background:#f3f3f3}td{text-align:right}td:first-child{text-align:left}"
        + "td.text{text-align:left;white-space:pre-wrap;max-width:520px}"
        + "pre{background:#f7f7f7;padding:1em;overflow:auto;white-space:pre-wrap}"
        + ".chart{width:100%;margin:1em 0}.note{color:#a00}"
        + "</style><script>" + ReportCharts.scripts() + "</script></head><body><h1>"
        + escape(title) + "</h1>\n"
        + String.join("\n", body)
        + "\n<script>(function(){var specs=" + ReportCharts.json(charts) + ";"
        + "specs.forEach(function(s,i){CrmCharts.render(document.getElementById('chart-'+i),s);});"
        + "})();</script>\n</body></html>\n";
  }

  /** Writes the document (UTF-8) and returns the absolute path. */
  public Path write(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Files.writeString(absolute, html(), StandardCharsets.UTF_8);
    return absolute;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
