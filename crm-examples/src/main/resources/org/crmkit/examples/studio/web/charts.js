/*
 * CrmCharts: the chart functions of crmkit studio and the demo report, on Apache ECharts (SVG
 * renderer, so every label is a text element of the page). Every category label is shown (rotated
 * when long), every chart has tooltips, and numbers carry thousands separators.
 */
(function (global) {
  'use strict';
  var NF = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});
  var NF0 = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
  var PALETTE = ['#3d6fb6', '#e08a2b', '#3a9a5b', '#c4473d', '#7d5fb2', '#2a9bb0', '#b0822a'];

  /** Text for HTML tooltips: names come from the user's files. */
  function esc(v) {
    return String(v === null || v === undefined ? '' : v).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  function fmt(v) {
    return typeof v === 'number' ? NF.format(v) : String(v);
  }

  function fmt0(v) {
    return typeof v === 'number' ? NF0.format(v) : String(v);
  }

  function init(el) {
    var old = global.echarts.getInstanceByDom(el);
    if (old) {
      old.dispose();
    }
    return global.echarts.init(el, null, {renderer: 'svg'});
  }

  function longest(labels) {
    var n = 0;
    (labels || []).forEach(function (l) { n = Math.max(n, String(l).length); });
    return n;
  }

  /** A category axis on which every label shows: rotated when the labels are long or many. */
  function categoryAxis(labels, title, width) {
    var perLabel = (width || 800) / Math.max(1, labels.length);
    var rotate = longest(labels) * 7 > perLabel ? (longest(labels) > 14 ? 60 : 40) : 0;
    return {
      type: 'category', data: labels, name: title, nameLocation: 'middle',
      nameGap: rotate ? Math.min(190, 14 + longest(labels) * 6.2 * Math.sin(rotate * Math.PI / 180) + 18) : 30,
      axisLabel: {interval: 0, rotate: rotate, hideOverlap: false, fontSize: 11},
      axisTick: {alignWithLabel: true}
    };
  }

  function bottomFor(axis) {
    return axis.axisLabel.rotate ? axis.nameGap + 24 : 60;
  }

  function valueAxis(title) {
    return {type: 'value', name: title, nameLocation: 'middle', nameGap: 78,
      axisLabel: {formatter: fmt0}};
  }

  /**
   * Bars: spec = {title, xTitle, yTitle, categories, series: [{name, values}], stack?}.
   */
  function bar(el, spec) {
    var chart = init(el);
    var x = categoryAxis(spec.categories, spec.xTitle, el.clientWidth);
    chart.setOption({
      animation: false,
      color: PALETTE,
      title: {text: spec.title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: fmt},
      legend: spec.series.length > 1 ? {top: 24} : undefined,
      grid: {left: 100, right: 30, top: spec.series.length > 1 ? 60 : 45, bottom: bottomFor(x)},
      xAxis: x,
      yAxis: valueAxis(spec.yTitle),
      series: spec.series.map(function (s) {
        return {name: s.name, type: 'bar', data: s.values, stack: spec.stack,
          label: {show: spec.categories.length <= 12, position: 'top', formatter: function (p) { return fmt0(p.value); }, fontSize: 10}};
      })
    });
    return chart;
  }

  /** Lines: spec = {title, xTitle, yTitle, categories, series: [{name, values, dashed?}]}. */
  function line(el, spec) {
    var chart = init(el);
    var x = categoryAxis(spec.categories, spec.xTitle, el.clientWidth);
    chart.setOption({
      animation: false,
      color: PALETTE,
      title: {text: spec.title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', valueFormatter: fmt},
      legend: {top: 24},
      grid: {left: 100, right: 30, top: 60, bottom: bottomFor(x)},
      xAxis: x,
      yAxis: valueAxis(spec.yTitle),
      series: spec.series.map(function (s) {
        return {name: s.name, type: spec.bars && !s.dashed ? 'bar' : 'line', data: s.values,
          lineStyle: s.dashed ? {type: 'dashed'} : undefined, symbolSize: 6};
      })
    });
    return chart;
  }

  /**
   * A heat map: spec = {title, xTitle, yTitle, x, y, cells: [[xi, yi, value, note?]], valueName,
   * max?, showValues?}.
   */
  function heatmap(el, spec) {
    var chart = init(el);
    var x = categoryAxis(spec.x, spec.xTitle, el.clientWidth - 200);
    var values = spec.cells.map(function (c) { return c[2]; });
    var max = spec.max !== undefined ? spec.max : Math.max.apply(null, values.concat([1]));
    var yAxis = {type: 'category', data: spec.y, name: spec.yTitle, nameLocation: 'middle',
      nameGap: Math.min(230, 16 + longest(spec.y) * 6.4), axisLabel: {interval: 0, fontSize: 11}};
    chart.setOption({
      animation: false,
      title: {text: spec.title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {formatter: function (p) {
        var c = p.data;
        return esc(spec.yTitle) + ': ' + esc(spec.y[c[1]]) + '<br>' + esc(spec.xTitle) + ': ' + esc(spec.x[c[0]])
          + '<br>' + esc(spec.valueName) + ': <b>' + fmt(c[2]) + '</b>' + (c[3] ? '<br>' + esc(c[3]) : '');
      }},
      grid: {left: yAxis.nameGap + 18, right: 110, top: 40, bottom: bottomFor(x)},
      xAxis: x,
      yAxis: yAxis,
      visualMap: {min: spec.min || 0, max: max, calculable: true, orient: 'vertical', right: 10,
        top: 'middle', text: [fmt(max), fmt(spec.min || 0)], formatter: fmt,
        inRange: {color: spec.colors || ['#f2f6fb', '#9ec1e6', '#3d6fb6', '#173a73']}},
      series: [{name: spec.valueName, type: 'heatmap', data: spec.cells,
        label: {show: spec.showValues !== false, fontSize: 10, formatter: function (p) { return spec.percent ? Math.round(p.data[2] * 100) + '%' : fmt0(p.data[2]); }},
        emphasis: {itemStyle: {borderColor: '#000', borderWidth: 1}}}]
    });
    return chart;
  }

  /** The Pareto curve: spec = {title, points: [[customerShare%, valueShare%]], marks: [80, 95]}. */
  function pareto(el, spec) {
    var chart = init(el);
    chart.setOption({
      animation: false,
      color: PALETTE,
      title: {text: spec.title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', formatter: function (ps) {
        var p = ps[0].data;
        return 'top ' + fmt(p[0]) + '% of customers<br>make <b>' + fmt(p[1]) + '%</b> of the value';
      }},
      grid: {left: 80, right: 40, top: 45, bottom: 60},
      xAxis: {type: 'value', min: 0, max: 100, name: 'share of customers, best first (%)',
        nameLocation: 'middle', nameGap: 30},
      yAxis: {type: 'value', min: 0, max: 100, name: 'cumulative share of value (%)',
        nameLocation: 'middle', nameGap: 45},
      series: [{name: 'cumulative value share', type: 'line', data: spec.points, showSymbol: false,
        areaStyle: {opacity: 0.15},
        markLine: {symbol: 'none', lineStyle: {type: 'dashed', color: '#888'},
          label: {formatter: '{b}', position: 'insideStartTop'},
          data: (spec.marks || []).map(function (m) { return {name: m.name, yAxis: m.value}; })}}]
    });
    return chart;
  }

  /**
   * A lifecycle machine as a diagram: graph = ReportCharts.machineGraph; options = {current,
   * highlightEdge, onState(name), onTransition(edge)}.
   */
  function machine(el, graph, options) {
    options = options || {};
    var chart = init(el);
    var nodes = graph.nodes.map(function (n) {
      var current = n.name === options.current;
      return {
        name: n.name, x: n.x, y: n.y, value: n.name,
        symbol: n['final'] ? 'circle' : 'roundRect',
        symbolSize: [Math.max(90, n.name.length * 8 + 24), 38],
        itemStyle: {
          color: current ? '#e08a2b' : (n.initial ? '#dbe8f7' : (n['final'] ? '#e9f3ec' : '#ffffff')),
          borderColor: current ? '#9c5a12' : (n.composite ? '#7d5fb2' : '#3d6fb6'),
          borderWidth: current ? 3 : 1.5, borderType: n.composite ? 'dashed' : 'solid'
        },
        label: {show: true, color: current ? '#fff' : '#1b2b44', fontWeight: n.initial || current ? 'bold' : 'normal'},
        tooltip: {formatter: function () {
          return '<b>' + esc(n.name) + '</b>' + (n.initial ? ' (initial)' : '') + (n['final'] ? ' (final)' : '')
            + (n.parent ? '<br>inside ' + esc(n.parent) : '')
            + (n.onEntry.length ? '<br>on entry: ' + esc(n.onEntry.join(', ')) : '')
            + (n.onExit.length ? '<br>on exit: ' + esc(n.onExit.join(', ')) : '')
            + Object.keys(n.attributes).map(function (k) { return '<br>' + esc(k) + ' = ' + esc(n.attributes[k]); }).join('');
        }},
        raw: n
      };
    });
    var edges = graph.edges.map(function (e) {
      var hl = options.highlightEdge === e.index;
      return {
        source: e.source, target: e.target, value: e.event,
        label: {show: true, formatter: (e.source === e.target ? '\u21bb ' : '') + e.event
            + (e.guards.length ? ' [' + e.guards.join(', ') + ']' : ''),
          fontSize: 10, color: hl ? '#9c5a12' : '#333', backgroundColor: 'rgba(255,255,255,0.85)',
          offset: e.source === e.target ? [0, -30] : [0, 0]},
        lineStyle: {width: hl ? 3 : 1.3, color: hl ? '#e08a2b' : (e.timer ? '#7d5fb2' : '#6b7a90'),
          type: e.timer ? 'dashed' : 'solid', curveness: e.source === e.target ? 0.6 : 0.18},
        tooltip: {formatter: function () {
          return '<b>' + esc(e.event) + '</b>: ' + esc(e.source) + ' → ' + esc(e.target)
            + (e.internal ? ' (internal)' : '')
            + (e.guards.length ? '<br>guards: ' + esc(e.guards.join(', ')) : '')
            + (e.effects.length ? '<br>effects: ' + esc(e.effects.join(', ')) : '')
            + (e.timer ? '<br>' + esc(e.timer) : '') + (e.priority ? '<br>priority ' + e.priority : '');
        }},
        raw: e
      };
    });
    chart.setOption({
      animation: false,
      title: {text: options.title || graph.name, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {},
      series: [{
        type: 'graph', layout: 'none', roam: true, draggable: true, data: nodes, links: edges,
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 9, autoCurveness: true,
        emphasis: {focus: 'adjacency', lineStyle: {width: 3}},
        edgeLabel: {show: true}, top: 50, bottom: 20, left: 70, right: 70
      }]
    });
    chart.on('click', function (p) {
      if (p.dataType === 'node' && options.onState) {
        options.onState(p.data.raw);
      } else if (p.dataType === 'edge' && options.onTransition) {
        options.onTransition(p.data.raw);
      }
    });
    return chart;
  }

  /**
   * A collapsible tree: root = {name, id, level, values, children}; options = {measures, match
   * (lower-case search text), depth}.
   */
  function tree(el, root, options) {
    options = options || {};
    var chart = init(el);
    var measures = options.measures || [];
    var match = (options.match || '').toLowerCase();
    function hit(n) {
      return match && (n.name.toLowerCase().indexOf(match) >= 0 || String(n.id).toLowerCase().indexOf(match) >= 0);
    }
    function convert(n, depth) {
      var kids = (n.children || []).map(function (c) { return convert(c, depth + 1); });
      var inside = hit(n) || kids.some(function (k) { return k.hasMatch; });
      var label = n.name + (String(n.id) !== n.name ? ' (' + n.id + ')' : '') + '  '
        + measures.map(function (m) { return m + ' ' + fmt0(n.values[m]); }).join(' · ');
      return {
        name: label, value: n.values[measures[0]], hasMatch: inside, children: kids,
        collapsed: match ? !kids.some(function (k) { return k.hasMatch; }) : depth >= (options.depth || 2),
        label: hit(n) ? {backgroundColor: '#ffe28a', fontWeight: 'bold'} : undefined,
        tooltip: {formatter: function () {
          return '<b>' + esc(n.name) + '</b>' + (String(n.id) !== n.name ? ' (' + esc(n.id) + ')' : '')
            + (n.level ? '<br>level: ' + esc(n.level) : '')
            + measures.map(function (m) { return '<br>' + esc(m) + ': ' + fmt(n.values[m]); }).join('')
            + '<br>children: ' + fmt0((n.children || []).length);
        }}
      };
    }
    var data = convert(root, 0);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'item'},
      series: [{type: 'tree', data: [data], top: 20, left: 330, bottom: 20, right: 360,
        symbolSize: 9, expandAndCollapse: true, animationDuration: 200,
        label: {position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12},
        leaves: {label: {position: 'right', align: 'left'}},
        emphasis: {focus: 'descendant'}}]
    });
    return chart;
  }

  /** Renders a chart spec of the demo report: {type: bar|line|heatmap|pareto|machine, ...}. */
  function render(el, spec) {
    switch (spec.type) {
      case 'bar': return bar(el, spec);
      case 'line': return line(el, spec);
      case 'heatmap': return heatmap(el, spec);
      case 'pareto': return pareto(el, spec);
      case 'machine': return machine(el, spec.graph, {title: spec.title});
      default: throw new Error('unknown chart type ' + spec.type);
    }
  }

  global.addEventListener('resize', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (el) {
      var c = global.echarts.getInstanceByDom(el);
      if (c) { c.resize(); }
    });
  });

  global.CrmCharts = {fmt: fmt, fmt0: fmt0, bar: bar, line: line, heatmap: heatmap, pareto: pareto,
    machine: machine, tree: tree, render: render};
})(window);
