/* crmkit studio: the pages' behaviour, over the server's JSON endpoints (/api/...). */
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function api(path, body) {
    var init = body === undefined ? {} : {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)};
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j.error || ('HTTP ' + r.status)); }
        return j;
      });
    });
  }

  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  function options(select, items, value, label) {
    select.innerHTML = items.map(function (it) {
      var v = value ? value(it) : it;
      return '<option value="' + esc(v) + '">' + esc(label ? label(it) : v) + '</option>';
    }).join('');
  }

  function showError(el, e) {
    el.innerHTML = '<p class="bad">' + esc(e.message || e) + '</p>';
  }

  function table(el, header, rows, numeric) {
    numeric = numeric || [];
    el.innerHTML = '<thead><tr>' + header.map(function (h, i) {
      return '<th' + (numeric.indexOf(i) >= 0 ? ' class="num"' : '') + '>' + esc(h) + '</th>';
    }).join('') + '</tr></thead><tbody>' + rows.map(function (r) {
      return '<tr>' + r.map(function (c, i) {
        return '<td' + (numeric.indexOf(i) >= 0 ? ' class="num"' : '') + '>' + esc(c) + '</td>';
      }).join('') + '</tr>';
    }).join('') + '</tbody>';
  }

  var fmt = function (v) { return CrmCharts.fmt(v); };

  function debounce(fn, ms) {
    var t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  // ---------------------------------------------------------------- start page
  function index() {
    api('/api/info').then(function (i) {
      $('info').textContent = 'Showing the ' + i.company + '; policy: ' + i.policy + ' ('
        + fmt(i.users) + ' users, ' + fmt(i.records) + ' records); machine: ' + i.machine
        + '; transactions: ' + i.transactions + ' (' + fmt(i.transactionCount) + ' rows).';
    }).catch(function (e) { showError($('info'), e); });
  }

  // ---------------------------------------------------------------- policy playground
  function policy() {
    var loaded = null;
    api('/api/policy').then(function (p) {
      loaded = p;
      $('policy-source').textContent = 'Policy: ' + p.source + ' · ' + fmt(p.users.length)
        + ' users · ' + fmt(p.records.length) + ' records';
      options($('check-user'), p.users, function (u) { return u.id; },
        function (u) { return u.label + ' — ' + u.roles.join(', '); });
      options($('check-action'), p.actions);
      options($('check-record'), p.records, function (r) { return r.id; },
        function (r) { return r.label + ' — owner ' + r.owner; });
      if (p.example.allowUser) {
        $('check-user').value = p.example.allowUser;
        $('check-record').value = p.example.record;
        $('check-action').value = p.example.allowAction;
      }
      $('policy-editor').value = p.policy;
      check();
      whoCan();
      validate();
    }).catch(function (e) { showError($('check-result'), e); });

    function check() {
      var body = {user: $('check-user').value, action: $('check-action').value,
        record: $('check-record').value, recordJson: $('check-record-json').value};
      api('/api/policy/check', body).then(function (d) {
        $('check-result').innerHTML = '<span id="decision" class="badge ' + (d.allowed ? 'allow' : 'deny') + '">'
          + d.decision + '</span> <span class="muted">' + esc(d.user) + ' · ' + esc(d.action) + ' · '
          + esc(d.record) + '</span><p>basis: <b>' + esc(d.basis) + '</b>'
          + (d.rule ? ' (rule <code>' + esc(d.rule) + '</code>)' : '') + '</p>'
          + '<pre id="explanation">' + esc(d.explanation) + '</pre>';
      }).catch(function (e) { showError($('check-result'), e); });
    }

    function whoCan() {
      api('/api/policy/who-can', {record: $('check-record').value}).then(function (w) {
        $('who-can').innerHTML = '<p class="muted">' + esc(w.record.label) + ' · owner ' + esc(w.record.owner)
          + ' · unit ' + esc(w.record.orgUnit) + (w.record.territory ? ' · territory ' + esc(w.record.territory) : '')
          + '</p><table id="who-can-table"></table>';
        table($('who-can-table'), ['action', 'users', 'who'], w.actions.map(function (a) {
          return [a.action, fmt(a.users.length), a.users.map(function (u) { return u.label; }).join(', ')];
        }), [1]);
      }).catch(function (e) { showError($('who-can'), e); });
    }

    function validate() {
      api('/api/policy/validate', {policy: $('policy-editor').value}).then(function (v) {
        var problems = $('policy-problems');
        if (!v.valid) {
          $('policy-status').innerHTML = '<p class="bad">' + fmt(v.problems.length) + ' problem'
            + (v.problems.length === 1 ? '' : 's') + ':</p>';
          problems.innerHTML = v.problems.slice(0, 100).map(function (p) {
            return '<li><code class="path">' + esc(p.path) + '</code> ' + esc(p.message)
              + ' <span class="muted">(' + esc(p.source) + ')</span></li>';
          }).join('') + (v.problems.length > 100
            ? '<li class="muted">… and ' + fmt(v.problems.length - 100) + ' more</li>' : '');
          $('policy-diff').innerHTML = '';
          return;
        }
        problems.innerHTML = '';
        $('policy-status').innerHTML = '<p class="ok">Valid. Compared with the loaded policy over '
          + fmt(v.users) + ' users × ' + fmt(v.records) + ' records × 7 actions: '
          + fmt(v.gained) + ' gained, ' + fmt(v.lost) + ' lost.</p>';
        if (v.changes.length === 0) {
          $('policy-diff').innerHTML = '<p class="muted">No access changes.</p>';
          return;
        }
        $('policy-diff').innerHTML = '<table id="policy-diff-table"></table>'
          + (v.changes.length < v.gained + v.lost ? '<p class="muted">First ' + fmt(v.changes.length) + ' changes shown.</p>' : '');
        $('policy-diff-table').innerHTML = '<thead><tr><th>user</th><th>change</th><th>action</th><th>record</th></tr></thead><tbody>'
          + v.changes.map(function (c) {
            return '<tr><td>' + esc(c.user) + '</td><td class="' + c.change + '">' + c.change + '</td><td>'
              + esc(c.action) + '</td><td>' + esc(c.record) + '</td></tr>';
          }).join('') + '</tbody>';
      }).catch(function (e) { showError($('policy-status'), e); });
    }

    api('/api/policy/matrix').then(function (m) {
      CrmCharts.heatmap($('matrix-chart'), {title: 'Allowed actions per user and record',
        xTitle: 'record', yTitle: 'user', x: m.records, y: m.users, cells: m.cells,
        valueName: 'actions allowed', min: 0, max: m.actions,
        colors: ['#fbe6e4', '#f6f1d9', '#cfe8d6', '#3a9a5b']});
    }).catch(function (e) { showError($('matrix-chart'), e); });

    $('check-button').addEventListener('click', check);
    ['check-user', 'check-action'].forEach(function (id) { $(id).addEventListener('change', check); });
    $('check-record').addEventListener('change', function () { check(); whoCan(); });
    $('policy-editor').addEventListener('input', debounce(validate, 350));
    $('policy-reset').addEventListener('click', function () {
      if (loaded) { $('policy-editor').value = loaded.policy; validate(); }
    });
  }

  // ---------------------------------------------------------------- machine viewer
  function machine() {
    var graph = null;
    var current = null;
    var replay = null;
    var stepIndex = -1;
    var highlightEdge = null;

    function draw() {
      CrmCharts.machine($('machine-chart'), graph, {current: current, highlightEdge: highlightEdge,
        title: graph.name + ' — current state: ' + current,
        onState: function (s) {
          $('machine-detail').innerHTML = '<b>State ' + esc(s.name) + '</b>'
            + (s.initial ? ' (initial)' : '') + (s['final'] ? ' (final)' : '')
            + (s.parent ? ' · inside ' + esc(s.parent) : '')
            + (s.onEntry.length ? ' · on entry: ' + esc(s.onEntry.join(', ')) : '')
            + (s.onExit.length ? ' · on exit: ' + esc(s.onExit.join(', ')) : '')
            + ' — <a href="#" id="use-state">fire from here</a>';
          $('use-state').addEventListener('click', function (ev) {
            ev.preventDefault();
            $('fire-state').value = s.name;
          });
        },
        onTransition: function (t) {
          $('machine-detail').innerHTML = '<b>Transition ' + esc(t.event) + '</b>: ' + esc(t.source)
            + ' → ' + esc(t.target) + (t.internal ? ' (internal)' : '')
            + (t.guards.length ? ' · guards: ' + esc(t.guards.join(', ')) : '')
            + (t.effects.length ? ' · effects: ' + esc(t.effects.join(', ')) : '')
            + (t.timer ? ' · ' + esc(t.timer) : '') + ' — <a href="#" id="use-transition">fire it</a>';
          $('use-transition').addEventListener('click', function (ev) {
            ev.preventDefault();
            $('fire-state').value = t.source;
            $('fire-event').value = t.event;
            fire();
          });
        }});
    }

    function load(name) {
      api('/api/machine?name=' + encodeURIComponent(name)).then(function (g) {
        graph = g;
        current = g.start;
        highlightEdge = null;
        options($('fire-state'), g.nodes.map(function (n) { return n.name; }));
        options($('fire-event'), g.events);
        $('fire-state').value = current;
        $('replay-log').value = g.log;
        $('fire-result').innerHTML = g.guardsAssumed
          ? '<p class="muted">This machine was loaded from a definition file: its guards are assumed to hold.</p>' : '';
        replay = null;
        stepIndex = -1;
        $('replay-steps').innerHTML = '';
        $('replay-status').innerHTML = '';
        $('replay-prev').disabled = true;
        $('replay-next').disabled = true;
        draw();
      }).catch(function (e) { showError($('machine-detail'), e); });
    }

    function fire() {
      api('/api/machine/fire', {machine: graph.name, state: $('fire-state').value,
        event: $('fire-event').value, context: $('fire-context').value}).then(function (d) {
        if (d.accepted) {
          current = d.to;
          $('fire-state').value = d.to;
          highlightEdge = null;
          graph.edges.forEach(function (e) {
            if (e.source === d.from && e.event === d.event && e.target === d.to) { highlightEdge = e.index; }
          });
        }
        $('fire-result').innerHTML = '<span id="fire-outcome" class="badge ' + (d.accepted ? 'allow' : 'deny') + '">'
          + (d.accepted ? 'ACCEPTED' : 'REJECTED') + '</span> <span class="muted">' + esc(d.outcome) + '</span>'
          + '<p>' + esc(d.from) + ' — ' + esc(d.event) + ' → <b id="current-state">' + esc(d.to) + '</b></p>'
          + (d.effects.length ? '<p>effects: ' + esc(d.effects.join(', ')) + '</p>' : '')
          + (d.failedGuard ? '<p>failed guard: <code>' + esc(d.failedGuard) + '</code></p>' : '')
          + '<pre id="fire-explanation">' + esc(d.explanation) + '</pre>'
          + '<p class="muted">permitted in ' + esc(d.to) + ': ' + esc(d.permittedEvents.join(', ') || 'none') + '</p>';
        draw();
      }).catch(function (e) { showError($('fire-result'), e); });
    }

    function showStep() {
      var steps = replay.subjects.length ? replay.subjects[0].steps : [];
      var subject = replay.subjects.length ? replay.subjects[0] : null;
      current = stepIndex < 0 ? graph.start
        : (steps[stepIndex].accepted ? steps[stepIndex].to : steps[stepIndex].from);
      highlightEdge = null;
      if (stepIndex >= 0) {
        var s = steps[stepIndex];
        graph.edges.forEach(function (e) {
          if (e.source === s.from && e.event === s.event && e.target === s.to) { highlightEdge = e.index; }
        });
      }
      $('replay-status').innerHTML = subject
        ? 'Subject <b>' + esc(subject.subject) + '</b>: step ' + (stepIndex + 1) + ' of ' + steps.length
          + ' · state <b id="replay-state">' + esc(current) + '</b>'
          + (subject.valid ? ' · <span class="ok">valid log</span>' : ' · <span class="bad">stops at an illegal step</span>')
          + (replay.subjects.length > 1 ? ' <span class="muted">(' + (replay.subjects.length - 1) + ' more subjects not shown)</span>' : '')
        : '<span class="muted">No events.</span>';
      $('replay-steps').innerHTML = '<table><thead><tr><th>#</th><th>at</th><th>event</th><th>from</th><th>to</th><th>result</th></tr></thead><tbody>'
        + steps.map(function (s, i) {
          return '<tr' + (i === stepIndex ? ' class="current"' : '') + '><td>' + (i + 1) + '</td><td>'
            + esc(s.at.substring(0, 10)) + '</td><td>' + esc(s.event) + '</td><td>' + esc(s.from) + '</td><td>'
            + esc(s.to) + '</td><td class="' + (s.accepted ? 'ok' : 'bad') + '">'
            + (s.accepted ? 'ok' : esc(s.reason)) + '</td></tr>';
        }).join('') + '</tbody></table>'
        + (replay.problems.length ? '<p class="bad">' + esc(replay.problems.join('; ')) + '</p>' : '');
      $('replay-prev').disabled = stepIndex < 0;
      $('replay-next').disabled = stepIndex >= steps.length - 1;
      draw();
    }

    api('/api/machines').then(function (m) {
      $('machine-source').textContent = 'Loaded: ' + m.source;
      options($('machine-select'), m.names);
      $('machine-select').value = m.loaded;
      load(m.loaded);
    }).catch(function (e) { showError($('machine-detail'), e); });

    $('machine-select').addEventListener('change', function () { load($('machine-select').value); });
    $('fire-button').addEventListener('click', fire);
    $('replay-load').addEventListener('click', function () {
      api('/api/machine/replay', {machine: graph.name, log: $('replay-log').value}).then(function (r) {
        replay = r;
        stepIndex = -1;
        showStep();
      }).catch(function (e) { showError($('replay-status'), e); });
    });
    $('replay-next').addEventListener('click', function () { stepIndex++; showStep(); });
    $('replay-prev').addEventListener('click', function () { stepIndex--; showStep(); });
  }

  // ---------------------------------------------------------------- segments and value
  function segments() {
    function list(choice) {
      var kind = choice.indexOf('tier:') === 0 ? 'tier' : 'segment';
      var value = kind === 'tier' ? choice.substring(5) : choice;
      var q = kind + '=' + encodeURIComponent(value);
      $('export-csv').href = '/api/segments/customers?' + q + '&format=csv';
      api('/api/segments/customers?' + q).then(function (c) {
        $('customer-count').textContent = fmt(c.rows.length) + ' customers in ' + kind + ' ' + value
          + (c.rows.length > 200 ? ' (first 200 shown; the CSV has all)' : '') + ', by monetary value.';
        table($('customer-table'), c.header, c.rows.slice(0, 200).map(function (r) {
          return r.map(function (x, i) { return i >= 4 ? fmt(Number(x)) : x; });
        }), [4, 5, 6, 7, 8, 9]);
      }).catch(function (e) { showError($('customer-count'), e); });
    }

    api('/api/segments').then(function (s) {
      $('segments-source').textContent = fmt(s.customers) + ' customers of the ' + s.source
        + ', scored as of ' + s.asOf + ' (RFM, 5 tiles; 11-segment map).';
      CrmCharts.heatmap($('rf-chart'), {title: 'Customers per recency × frequency score',
        xTitle: 'frequency score (5 = most frequent)', yTitle: 'recency score (5 = most recent)',
        x: s.rf.frequency, y: s.rf.recency, cells: s.rf.cells, valueName: 'customers'});
      var sizes = CrmCharts.bar($('segment-sizes-chart'), {title: 'Customers per segment', xTitle: 'segment',
        yTitle: 'customers', categories: s.segments, series: [{name: 'customers', values: s.segmentSizes}]});
      var revenue = CrmCharts.bar($('segment-revenue-chart'), {title: 'Revenue per segment', xTitle: 'segment',
        yTitle: 'revenue', categories: s.segments, series: [{name: 'revenue', values: s.segmentRevenue}]});
      [sizes, revenue].forEach(function (c) {
        c.on('click', function (p) { $('customer-segment').value = p.name; list(p.name); });
      });
      CrmCharts.pareto($('pareto-chart'), {title: 'Value tiers: cumulative revenue share (Pareto curve)',
        points: s.pareto.points, marks: [{name: 'HIGH: 80%', value: 80}, {name: 'MEDIUM: 95%', value: 95}]});
      table($('tier-table'), ['tier', 'customers', 'revenue', 'share of revenue', 'list'], s.tiers.rows.map(function (t) {
        return [t.tier, fmt(t.customers), fmt(t.value), fmt(t.share) + ' %', 'CSV'];
      }), [1, 2, 3]);
      Array.prototype.forEach.call($('tier-table').querySelectorAll('tbody tr'), function (tr, i) {
        var t = s.tiers.rows[i].tier;
        tr.lastChild.innerHTML = '<a href="/api/segments/customers?tier=' + t + '&format=csv" download>CSV</a>';
      });
      var c = s.clv;
      if (c.available) {
        $('clv-note').textContent = 'BG/NBD fitted on ' + fmt(c.customers) + ' customers up to ' + c.calibrationEnd
          + ' (calibration); checked on the purchases up to ' + c.holdoutEnd + ' (hold-out). r = ' + fmt(c.parameters.r)
          + ', alpha = ' + fmt(c.parameters.alpha) + ', a = ' + fmt(c.parameters.a) + ', b = ' + fmt(c.parameters.b) + '.';
        CrmCharts.line($('clv-calibration-chart'), {title: 'Calibration vs hold-out: mean hold-out purchases',
          xTitle: 'repeat purchases in the calibration period', yTitle: 'mean hold-out purchases', bars: true,
          categories: c.calibrationVsHoldout.frequency,
          series: [{name: 'observed', values: c.calibrationVsHoldout.actual},
            {name: 'expected (model)', values: c.calibrationVsHoldout.expected, dashed: true}]});
        CrmCharts.line($('clv-tracking-chart'), {title: 'Tracking: cumulative repeat purchases in the hold-out',
          xTitle: 'week after the calibration end', yTitle: 'purchases', categories: c.tracking.week,
          series: [{name: 'observed', values: c.tracking.actual},
            {name: 'expected (model)', values: c.tracking.expected, dashed: true}]});
        CrmCharts.heatmap($('clv-palive-chart'), {title: 'P(alive) by repeat purchases and recency (age ' + fmt(c.pAlive.age) + ' weeks)',
          xTitle: 'recency: weeks from first to last purchase', yTitle: 'repeat purchases', x: c.pAlive.recency,
          y: c.pAlive.frequency, cells: c.pAlive.cells, valueName: 'P(alive)', min: 0, max: 1, percent: true,
          colors: ['#c4473d', '#f6f1d9', '#3a9a5b']});
      } else {
        $('clv-note').textContent = 'Not available: ' + c.reason;
      }
      var choices = s.segments.filter(function (x, i) { return s.segmentSizes[i] > 0; });
      options($('customer-segment'), choices.concat(['tier:HIGH', 'tier:MEDIUM', 'tier:LOW']));
      list(choices[0]);
    }).catch(function (e) { showError($('segments-source'), e); });
    $('customer-segment').addEventListener('change', function () { list($('customer-segment').value); });
  }

  // ---------------------------------------------------------------- hierarchies
  function hierarchies() {
    var tree = null;
    function draw() {
      var q = $('hierarchy-search').value.trim().toLowerCase();
      CrmCharts.tree($('tree-chart'), tree.root, {measures: tree.measures, match: q, depth: 2});
      var rows = [];
      (function walk(n, path) {
        var here = path.concat([n.name]);
        if (q && (n.name.toLowerCase().indexOf(q) >= 0 || String(n.id).toLowerCase().indexOf(q) >= 0)) {
          rows.push([n.name, n.id, n.level, here.slice(0, -1).join(' › ')].concat(
            tree.measures.map(function (m) { return fmt(n.values[m]); })));
        }
        (n.children || []).forEach(function (c) { walk(c, here); });
      })(tree.root, []);
      $('hierarchy-matches-count').textContent = q ? fmt(rows.length) + ' nodes match "' + q + '"' : '';
      if (q) {
        table($('hierarchy-matches'), ['name', 'id', 'level', 'path'].concat(tree.measures), rows,
          tree.measures.map(function (m, i) { return 4 + i; }));
      } else {
        $('hierarchy-matches').innerHTML = '';
      }
    }
    function load(name) {
      api('/api/hierarchy?name=' + encodeURIComponent(name)).then(function (t) {
        tree = t;
        draw();
      }).catch(function (e) { showError($('hierarchy-matches-count'), e); });
    }
    api('/api/hierarchies').then(function (h) {
      options($('hierarchy-select'), h.hierarchies, function (x) { return x.name; }, function (x) { return x.title; });
      load(h.hierarchies[0].name);
    }).catch(function (e) { showError($('hierarchy-matches-count'), e); });
    $('hierarchy-select').addEventListener('change', function () { load($('hierarchy-select').value); });
    $('hierarchy-search').addEventListener('input', debounce(function () { if (tree) { draw(); } }, 250));
  }

  var pages = {index: index, policy: policy, machine: machine, segments: segments, hierarchies: hierarchies};
  document.addEventListener('DOMContentLoaded', function () {
    var page = document.body.getAttribute('data-page');
    if (pages[page]) { pages[page](); }
  });
})();
