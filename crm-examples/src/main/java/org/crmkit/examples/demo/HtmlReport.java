package org.crmkit.examples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * A self-contained HTML report: sections of text, tables and charts, with the charts drawn by
 * XChart and embedded as PNG data URIs, so the single file opens anywhere without a network. Not
 * thread-safe.
 */
final class HtmlReport {
  private final String title;
  private final List<String> body = new ArrayList<>();

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
      row.forEach(c -> b.append("<td>").append(escape(c)).append("</td>"));
      b.append("</tr>");
    }
    body.add(b.append("</tbody></table>").toString());
    return this;
  }

  /** A bar chart of named values. */
  public HtmlReport barChart(String chartTitle, String xTitle, String yTitle, List<String> names,
      List<? extends Number> values) {
    CategoryChart chart = new CategoryChartBuilder().width(900).height(420).title(chartTitle)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(45);
    chart.getStyler().setYAxisDecimalPattern("#,###");
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.addSeries(yTitle, names, values);
    return image(chart, chartTitle);
  }

  /**
   * A heat map: {@code cells[y][x]} over x labels and y labels (e.g. customers per R×F score
   * cell).
   */
  public HtmlReport heatMap(String chartTitle, String xTitle, String yTitle, List<String> xLabels,
      List<String> yLabels, int[][] cells) {
    HeatMapChart chart = new HeatMapChartBuilder().width(640).height(520).title(chartTitle)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setPlotContentSize(1);
    chart.getStyler().setShowValue(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    List<Number[]> data = new ArrayList<>();
    for (int y = 0; y < cells.length; y++) {
      for (int x = 0; x < cells[y].length; x++) {
        data.add(new Number[] {x, y, cells[y][x]});
      }
    }
    chart.addSeries("customers", xLabels, yLabels, data);
    return image(chart, chartTitle);
  }

  private HtmlReport image(Chart<?, ?> chart, String alt) {
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      body.add("<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
          + Base64.getEncoder().encodeToString(png) + "\">");
    } catch (IOException | RuntimeException | Error e) {
      // a machine without fonts or graphics libraries still gets the tables
      body.add("<p class=\"note\">Chart '" + escape(alt) + "' could not be drawn here: "
          + escape(String.valueOf(e.getMessage())) + "</p>");
    }
    return this;
  }

  /** The whole document. */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title) + "</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}"
        + "th{background:#f3f3f3}td{text-align:right}td:first-child{text-align:left}"
        + "pre{background:#f7f7f7;padding:1em;overflow:auto}img{max-width:100%}.note{color:#a00}"
        + "</style></head><body><h1>" + escape(title) + "</h1>\n"
        + String.join("\n", body) + "\n</body></html>\n";
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
