(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var svg = document.getElementById('map');
  var viewport = document.getElementById('viewport');
  var layer = {
    territories: document.getElementById('layer-territories'),
    routes: document.getElementById('layer-routes'),
    accounts: document.getElementById('layer-accounts'),
    bases: document.getElementById('layer-bases'),
    labels: document.getElementById('layer-labels')
  };
  var status = document.getElementById('map-status');
  var daySelect = document.getElementById('day-select');
  var positionSelect = document.getElementById('position-select');
  var details = document.getElementById('details');
  var legend = document.getElementById('legend');

  function el(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    for (var key in attributes) { if (attributes[key] !== null && attributes[key] !== undefined) { node.setAttribute(key, String(attributes[key])); } }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function html(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function km(metres) { return (metres / 1000).toFixed(1) + ' km'; }
  function hoursMinutes(minutes) { var m = Math.round(minutes); return Math.floor(m / 60) + ':' + String(m % 60).padStart(2, '0') + ' h'; }
  function number(value) { return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(value); }

  var territoryById = {}, accountById = {}, positionById = {};
  data.territories.forEach(function (t) { territoryById[t.id] = t; });
  data.accounts.forEach(function (a) { accountById[a.id] = a; });
  data.positions.forEach(function (p) { positionById[p.id] = p; });
  function territoryName(id) { return id === null ? null : (territoryById[id] ? territoryById[id].name : id); }
  function positionName(id) { return id === null ? null : (positionById[id] ? positionById[id].name : id); }
  function dayLabel(day) { for (var i = 0; i < data.days.length; i++) { if (data.days[i].day === day) { return data.days[i].label; } } return 'Day ' + (day + 1); }

  // Equirectangular projection; longitudes shrink by cos(middle latitude) so shapes keep their proportions.
  var bounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  function extend(lon, lat) {
    if (lon < bounds.west) { bounds.west = lon; } if (lon > bounds.east) { bounds.east = lon; }
    if (lat < bounds.south) { bounds.south = lat; } if (lat > bounds.north) { bounds.north = lat; }
  }
  function extendFlat(flat) { for (var i = 0; i + 1 < flat.length; i += 2) { extend(flat[i], flat[i + 1]); } }
  data.territories.forEach(function (t) { t.polygons.forEach(function (polygon) { polygon.forEach(extendFlat); }); });
  data.accounts.forEach(function (a) { extend(a.at[0], a.at[1]); });
  data.positions.forEach(function (p) { if (p.base) { extend(p.base[0], p.base[1]); } });
  data.routes.forEach(function (r) { extendFlat(r.line); });
  if (!isFinite(bounds.west)) { bounds = { west: 0, south: 0, east: 1, north: 1 }; }
  var minimumSpan = 0.01;
  if (bounds.east - bounds.west < minimumSpan) { var cx = (bounds.east + bounds.west) / 2; bounds.west = cx - minimumSpan / 2; bounds.east = cx + minimumSpan / 2; }
  if (bounds.north - bounds.south < minimumSpan) { var cy = (bounds.north + bounds.south) / 2; bounds.south = cy - minimumSpan / 2; bounds.north = cy + minimumSpan / 2; }
  var cosLat = Math.max(Math.cos((bounds.south + bounds.north) / 2 * Math.PI / 180), 0.01);
  var unit = 1000 / Math.max((bounds.east - bounds.west) * cosLat, bounds.north - bounds.south);
  var worldWidth = (bounds.east - bounds.west) * cosLat * unit, worldHeight = (bounds.north - bounds.south) * unit;
  function x(lon) { return Math.round((lon - bounds.west) * cosLat * unit * 100) / 100; }
  function y(lat) { return Math.round((bounds.north - lat) * unit * 100) / 100; }

  var drawn = { territories: 0, accounts: 0, bases: 0, routes: 0 };
  var expectedTerritories = 0;
  var labels = [], accountMarkers = [], baseMarkers = [], territoryBoxes = {};

  data.territories.forEach(function (t, index) {
    if (t.polygons.length === 0) { return; }
    expectedTerritories++;
    var d = [], box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    t.polygons.forEach(function (polygon) {
      polygon.forEach(function (ring) {
        for (var i = 0; i + 1 < ring.length; i += 2) {
          var px = x(ring[i]), py = y(ring[i + 1]);
          d.push((i === 0 ? 'M' : 'L') + px + ' ' + py);
          if (px < box.x0) { box.x0 = px; } if (px > box.x1) { box.x1 = px; }
          if (py < box.y0) { box.y0 = py; } if (py > box.y1) { box.y1 = py; }
        }
        d.push('Z');
      });
    });
    territoryBoxes[t.id] = box;
    layer.territories.appendChild(el('path', { id: 'territory-' + index, 'class': 'territory', d: d.join(''), fill: t.color, 'data-territory-id': t.id }));
    drawn.territories++;
    if (t.label) {
      var label = el('text', { 'class': 'territory-label', x: x(t.label[0]), y: y(t.label[1]), 'data-territory-id': t.id }, t.name);
      layer.labels.appendChild(label);
      labels.push({ node: label, width: box.x1 - box.x0, chars: Math.max(t.name.length, 3) });
    }
  });

  if (data.showAccounts) {
    data.accounts.forEach(function (a, index) {
      var marker = el('circle', { id: 'account-' + index, 'class': 'account', cx: x(a.at[0]), cy: y(a.at[1]), r: 3, fill: a.color, 'data-account-id': a.id });
      layer.accounts.appendChild(marker);
      accountMarkers.push(marker);
      drawn.accounts++;
    });
  }

  data.positions.forEach(function (p, index) {
    if (!p.base) { return; }
    var marker = el('rect', { id: 'base-' + index, 'class': 'base', fill: p.color, 'data-position-id': p.id });
    marker.dataset.x = x(p.base[0]);
    marker.dataset.y = y(p.base[1]);
    layer.bases.appendChild(marker);
    baseMarkers.push(marker);
    drawn.bases++;
  });

  // View: translate and scale of the world (1000 units across), kept when redrawing routes.
  var view = { scale: 1, tx: 0, ty: 0 }, fitScale = 1, pending = false;
  function fit(box) {
    var rect = svg.getBoundingClientRect(), width = rect.width || 800, height = rect.height || 600, margin = 24;
    var w = Math.max(box.x1 - box.x0, 1), h = Math.max(box.y1 - box.y0, 1);
    view.scale = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h);
    view.tx = (width - w * view.scale) / 2 - box.x0 * view.scale;
    view.ty = (height - h * view.scale) / 2 - box.y0 * view.scale;
    apply();
  }
  function apply() {
    pending = false;
    status.setAttribute('data-view', view.scale + ' ' + view.tx + ' ' + view.ty);
    viewport.setAttribute('transform', 'translate(' + view.tx + ' ' + view.ty + ') scale(' + view.scale + ')');
    var inverse = 1 / view.scale;
    accountMarkers.forEach(function (m) { m.setAttribute('r', 3.6 * inverse); });
    baseMarkers.forEach(function (m) {
      var size = 11 * inverse;
      m.setAttribute('x', m.dataset.x - size / 2); m.setAttribute('y', m.dataset.y - size / 2);
      m.setAttribute('width', size); m.setAttribute('height', size);
    });
    labels.forEach(function (l) {
      l.node.setAttribute('font-size', 11 * inverse);
      l.node.setAttribute('stroke-width', 3 * inverse);
      // A label shows once its territory is wide enough on screen to hold it.
      l.node.style.display = l.width * view.scale >= l.chars * 5.5 ? '' : 'none';
    });
  }
  function schedule() {
    // The view is recorded at once for automated checks; drawing waits for the next frame.
    status.setAttribute('data-view', view.scale + ' ' + view.tx + ' ' + view.ty);
    if (!pending) { pending = true; window.requestAnimationFrame(apply); }
  }
  function zoomAt(mx, my, factor) {
    var scale = Math.min(Math.max(view.scale * factor, fitScale / 4), fitScale * 400);
    factor = scale / view.scale;
    view.tx = mx - (mx - view.tx) * factor;
    view.ty = my - (my - view.ty) * factor;
    view.scale = scale;
    schedule();
  }
  function fitAll() { fit({ x0: 0, y0: 0, x1: worldWidth, y1: worldHeight }); fitScale = view.scale; }

  svg.addEventListener('wheel', function (event) {
    event.preventDefault();
    var rect = svg.getBoundingClientRect();
    var step = event.deltaMode === 1 ? 0.05 : event.deltaMode === 2 ? 1 : 0.0015;
    zoomAt(event.clientX - rect.left, event.clientY - rect.top, Math.exp(-event.deltaY * step));
  }, { passive: false });
  var drag = null, dragged = false;
  svg.addEventListener('pointerdown', function (event) {
    if (event.button !== 0) { return; }
    drag = { x: event.clientX, y: event.clientY, tx: view.tx, ty: view.ty, id: event.pointerId };
    dragged = false;
  });
  svg.addEventListener('pointermove', function (event) {
    if (!drag) { return; }
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) > 3) {
      dragged = true;
      svg.setPointerCapture(drag.id);
      svg.classList.add('dragging');
    }
    if (dragged) { view.tx = drag.tx + dx; view.ty = drag.ty + dy; schedule(); }
  });
  function endDrag(event) {
    if (drag && svg.hasPointerCapture(event.pointerId)) { svg.releasePointerCapture(event.pointerId); }
    drag = null;
    svg.classList.remove('dragging');
  }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  function zoomCentre(factor) { var rect = svg.getBoundingClientRect(); zoomAt(rect.width / 2, rect.height / 2, factor); }
  document.getElementById('zoom-in').addEventListener('click', function () { zoomCentre(1.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomCentre(1 / 1.5); });
  document.getElementById('zoom-reset').addEventListener('click', fitAll);

  // Details of what is under the pointer; a click pins them until a click elsewhere.
  var pinned = null;
  function target(node) { return node && node.closest ? node.closest('[data-territory-id],[data-account-id],[data-route-position],[data-position-id]') : null; }
  function showDetails(node) {
    details.textContent = '';
    if (!node) { details.hidden = true; return; }
    var rows = [], title;
    if (node.hasAttribute('data-account-id')) {
      var a = accountById[node.getAttribute('data-account-id')];
      title = a.name || a.id;
      rows.push(['Account', a.id], ['Class', a.class || 'unclassified'], ['Territory', territoryName(a.territory)],
        ['Frequency', a.frequency], ['Position', positionName(a.position)], ['Weekday', a.weekday]);
      currentRoutes().forEach(function (r) {
        r.stops.forEach(function (s, i) {
          if (s.account === a.id) { rows.push([dayLabel(r.day), 'stop ' + (i + 1) + ' of ' + positionName(r.position) + (s.arrival ? ' at ' + s.arrival : '')]); }
        });
      });
    } else if (node.hasAttribute('data-route-position')) {
      var route = data.routes[Number(node.getAttribute('data-route-index'))];
      title = positionName(route.position) + ', ' + dayLabel(route.day);
      rows.push(['Position', route.position], ['Visits', String(route.visits)], ['Distance', km(route.distanceMetres)], ['Duration', hoursMinutes(route.durationMinutes)]);
      var names = route.stops.filter(function (s) { return s.account !== null; }).map(function (s, i) {
        var account = accountById[s.account];
        return (i + 1) + '. ' + (account && account.name ? account.name : s.account) + (s.arrival ? ' ' + s.arrival : '');
      });
      if (names.length) { rows.push(['Stops', names.join('\n')]); }
    } else if (node.hasAttribute('data-position-id')) {
      var p = positionById[node.getAttribute('data-position-id')];
      title = p.name;
      rows.push(['Position', p.id], ['Base', p.base[1].toFixed(5) + ', ' + p.base[0].toFixed(5)]);
      currentRoutes().forEach(function (r) { if (r.position === p.id) { rows.push([dayLabel(r.day), r.visits + ' visits, ' + km(r.distanceMetres) + ', ' + hoursMinutes(r.durationMinutes)]); } });
    } else {
      var t = territoryById[node.getAttribute('data-territory-id')];
      title = t.name;
      var count = data.accounts.filter(function (acc) { return acc.territory === t.id; }).length;
      rows.push(['Territory', t.id], ['Accounts on map', String(count)]);
      t.metrics.forEach(function (m) { rows.push([m.name, number(m.value)]); });
    }
    details.appendChild(html('h3', null, title));
    var table = html('table');
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === '') { return; }
      var tr = html('tr');
      tr.appendChild(html('td', null, row[0]));
      var cell = html('td', null, row[1]);
      cell.style.whiteSpace = 'pre-line';
      tr.appendChild(cell);
      table.appendChild(tr);
    });
    details.appendChild(table);
    details.appendChild(html('div', 'hint', pinned ? 'Click elsewhere to release.' : 'Click to keep these details.'));
    details.hidden = false;
  }
  svg.addEventListener('mouseover', function (event) { if (!pinned) { showDetails(target(event.target)); } });
  svg.addEventListener('mouseleave', function () { if (!pinned) { showDetails(null); } });
  svg.addEventListener('click', function (event) {
    if (dragged) { dragged = false; return; }
    if (pinned) { pinned.classList.remove('selected'); }
    pinned = target(event.target);
    if (pinned) { pinned.classList.add('selected'); }
    showDetails(pinned);
  });

  // Routes of the chosen day (and position).
  var shownDay = data.initialDay, shownPosition = '';
  function currentRoutes() {
    return data.routes.filter(function (r) { return r.day === shownDay && (shownPosition === '' || r.position === shownPosition); });
  }
  var expectedRoutes = 0;
  function drawRoutes() {
    layer.routes.textContent = '';
    drawn.routes = 0;
    expectedRoutes = 0;
    var visits = 0, metres = 0, minutes = 0;
    data.routes.forEach(function (r, index) {
      if (r.day !== shownDay || (shownPosition !== '' && r.position !== shownPosition)) { return; }
      visits += r.visits; metres += r.distanceMetres; minutes += r.durationMinutes;
      if (r.line.length < 2) { return; }
      expectedRoutes++;
      var points = [];
      for (var i = 0; i + 1 < r.line.length; i += 2) { points.push(x(r.line[i]) + ',' + y(r.line[i + 1])); }
      if (points.length === 1) { points.push(points[0]); }
      var colour = positionById[r.position].color;
      layer.routes.appendChild(el('polyline', { 'class': 'route-casing', points: points.join(' ') }));
      layer.routes.appendChild(el('polyline', {
        id: 'route-' + index, 'class': 'route', points: points.join(' '), stroke: colour,
        'data-route-position': r.position, 'data-route-day': r.day, 'data-route-index': index
      }));
      drawn.routes++;
    });
    document.getElementById('day-summary').textContent = shownDay === null ? 'No routes'
      : visits + ' visits, ' + km(metres) + ', ' + hoursMinutes(minutes);
    buildLegend();
    updateStatus();
  }

  function legendRow(swatchClass, colour, text, figure) {
    var row = html('div', 'legend-row');
    var swatch = html('span', 'swatch' + (swatchClass ? ' ' + swatchClass : ''));
    swatch.style.background = colour;
    row.appendChild(swatch);
    row.appendChild(html('span', null, text));
    if (figure !== undefined) { row.appendChild(html('span', 'figure', figure)); }
    return row;
  }
  function buildLegend() {
    legend.textContent = '';
    var routes = currentRoutes();
    legend.appendChild(html('h2', null, shownDay === null ? 'Routes' : 'Routes, ' + dayLabel(shownDay)));
    if (routes.length === 0) { legend.appendChild(html('div', null, 'No route on this day.')); }
    routes.forEach(function (r) {
      legend.appendChild(legendRow('line', positionById[r.position].color, positionName(r.position), r.visits + ' · ' + km(r.distanceMetres) + ' · ' + hoursMinutes(r.durationMinutes)));
    });
    if (data.classes.length) {
      legend.appendChild(html('h2', null, 'Accounts by class'));
      data.classes.forEach(function (c) {
        var count = data.accounts.filter(function (a) { return a.class === c.name; }).length;
        legend.appendChild(legendRow('dot', c.color, c.name === null ? 'Unclassified' : 'Class ' + c.name, String(count)));
      });
    }
    var bases = data.positions.filter(function (p) { return p.base; });
    if (bases.length) {
      legend.appendChild(html('h2', null, 'Position bases'));
      bases.forEach(function (p) { legend.appendChild(legendRow('base', p.color, p.name)); });
    }
    if (data.territories.length) {
      legend.appendChild(html('h2', null, 'Territories (' + data.territories.length + ')'));
      data.territories.forEach(function (t) {
        var row = legendRow(null, t.color, t.name);
        row.classList.add('legend-territory');
        row.setAttribute('data-legend-territory', t.id);
        row.title = t.polygons.length ? 'Zoom to ' + t.name : t.name + ' (no boundary)';
        row.addEventListener('click', function () { if (territoryBoxes[t.id]) { fit(territoryBoxes[t.id]); } });
        legend.appendChild(row);
      });
    }
  }

  function updateStatus() {
    status.setAttribute('data-territories', String(drawn.territories));
    status.setAttribute('data-territories-expected', String(expectedTerritories));
    status.setAttribute('data-accounts', String(drawn.accounts));
    status.setAttribute('data-bases', String(drawn.bases));
    status.setAttribute('data-routes', String(drawn.routes));
    status.setAttribute('data-routes-expected', String(expectedRoutes));
    status.setAttribute('data-day', shownDay === null ? '' : String(shownDay));
    status.setAttribute('data-position', shownPosition);
    status.setAttribute('data-errors', String(window.mapErrors.length));
    status.setAttribute('data-state', window.mapErrors.length ? 'error' : 'ready');
  }

  // The address may choose the day and position: #day=3&position=P1.
  var hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  if (hash.has('day')) {
    var asked = Number(hash.get('day'));
    if (data.days.some(function (d) { return d.day === asked; })) { shownDay = asked; }
  }
  if (hash.has('position') && positionById[hash.get('position')]) { shownPosition = hash.get('position'); }

  data.days.forEach(function (d) {
    var option = html('option', null, d.label);
    option.value = String(d.day);
    daySelect.appendChild(option);
  });
  daySelect.value = shownDay === null ? '' : String(shownDay);
  daySelect.disabled = data.days.length === 0;
  daySelect.addEventListener('change', function () { shownDay = Number(daySelect.value); drawRoutes(); if (pinned) { showDetails(pinned); } });
  data.positions.forEach(function (p) {
    var option = html('option', null, p.name);
    option.value = p.id;
    positionSelect.appendChild(option);
  });
  positionSelect.value = shownPosition;
  positionSelect.addEventListener('change', function () { shownPosition = positionSelect.value; drawRoutes(); });

  fitAll();
  drawRoutes();
  window.addEventListener('resize', schedule);
})();
