// 指挥中心大屏: figures, charts and lists from the server's shared snapshot (server-sent every few seconds), the live
// map of open orders (markers pushed as orders change) and the events ticker.
(function () {
  'use strict';
  var root = document.getElementById('screen');
  if (!root) { return; }
  var labels = document.getElementById('screen-labels').dataset;
  var en = root.dataset.lang === 'en';
  var state = {snapshots: 0, last: null, markers: {}, events: 0};

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value; }
  function pct(r) { return r === null || r === undefined ? '—' : (Math.round(r * 1000) / 10) + '%'; }
  function fmt(n) { return Number(n).toLocaleString(en ? 'en' : 'zh-CN'); }
  var zone = document.body.dataset.zone;   // the platform's zone, from the page (ChinaTime)
  function time(iso) { return new Date(iso).toLocaleTimeString('zh-CN', {hour12: false, timeZone: zone}); }

  // --- clock (Beijing time) ---------------------------------------------------------------------------
  function tick() {
    var now = new Date();
    text('screen-clock', now.toLocaleDateString('zh-CN', {timeZone: zone}) + ' ' + time(now.toISOString()));
  }
  tick();
  setInterval(tick, 1000);

  // --- charts -----------------------------------------------------------------------------------------
  var charts = {};
  var axis = {color: '#9fb8dc', fontSize: 12};
  function chart(id) {
    if (!window.echarts) { return null; }
    if (!charts[id]) { charts[id] = echarts.init($(id), null, {renderer: 'svg'}); }
    return charts[id];
  }
  function rem() { return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16; }
  function drawLights(lights) {
    var c = chart('c-lights');
    if (!c) { return; }
    var s = rem();
    c.setOption({
      animation: false,
      color: ['#35e08a', '#ffc53d', '#ff4d4f', '#6f7f99'],
      tooltip: {trigger: 'item'},
      legend: {orient: 'vertical', right: 0, top: 'middle', textStyle: {color: '#cfe2ff', fontSize: 0.85 * s}, itemWidth: 0.8 * s, itemHeight: 0.8 * s},
      series: [{type: 'pie', radius: ['48%', '75%'], center: ['38%', '52%'], labelLine: {show: false},
        label: {show: true, position: 'inside', color: '#02122b', fontWeight: 'bold', fontSize: 0.85 * s, formatter: function (p) { return p.value > 0 ? p.value : ''; }},
        itemStyle: {borderColor: '#061634', borderWidth: 2},
        data: [{name: labels.green, value: lights.GREEN || 0}, {name: labels.yellow, value: lights.YELLOW || 0},
          {name: labels.red, value: lights.RED || 0}, {name: labels.none, value: lights.NONE || 0}]}]
    });
    $('c-lights').dataset.rendered = 'true';
  }
  function drawBars(id, names, series, horizontal) {
    var c = chart(id);
    if (!c) { return; }
    var s = rem();
    var tilt = !horizontal && names.length > 6;
    var cat = {type: 'category', data: names, axisLabel: {color: axis.color, fontSize: 0.75 * s, interval: 0, rotate: tilt ? 40 : 0,
      width: horizontal ? 7 * s : 4 * s, overflow: 'truncate'},
      axisLine: {lineStyle: {color: '#2a4a7a'}}, inverse: !!horizontal};
    var val = {type: 'value', minInterval: 1, axisLabel: {color: axis.color, fontSize: 0.7 * s}, splitLine: {lineStyle: {color: 'rgba(80,140,220,.15)'}}};
    c.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: series.length > 1 ? {top: 0, right: 0, textStyle: {color: '#cfe2ff', fontSize: 0.75 * s}, itemWidth: 0.8 * s, itemHeight: 0.6 * s} : undefined,
      grid: {left: horizontal ? 7.5 * s : 2 * s, right: 1 * s, top: series.length > 1 ? 1.6 * s : 0.4 * s, bottom: horizontal ? 0.4 * s : (tilt ? 3.4 * s : 2.2 * s), containLabel: false},
      xAxis: horizontal ? val : cat, yAxis: horizontal ? cat : val,
      series: series.map(function (x) {
        return {name: x.name, type: 'bar', data: x.data, barMaxWidth: 0.9 * s, itemStyle: {color: x.color, borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]},
          label: horizontal ? {show: true, position: 'right', color: '#e8f4ff', fontSize: 0.75 * s} : undefined};
      })
    }, true);
    $(id).dataset.rendered = 'true';
  }
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    if (state.last) { render(state.last); }
    // a wall screen shows the whole territory whatever its size
    if (map) { map.invalidateSize(); if (gridBounds && gridBounds.isValid()) { map.fitBounds(gridBounds, {padding: [16, 16]}); } }
  });

  // --- lists ------------------------------------------------------------------------------------------
  function cell(tr, value, cls) { var td = document.createElement('td'); if (cls) { td.className = cls; } td.textContent = value; tr.appendChild(td); return td; }
  function renderDepartments(rows) {
    var body = $('t-departments').tBodies[0];
    body.textContent = '';
    rows.forEach(function (d, i) {
      var tr = document.createElement('tr');
      var rank = document.createElement('span'); rank.className = 'rank'; rank.textContent = i + 1;
      cell(tr, '').appendChild(rank);
      var name = cell(tr, d.name); name.title = d.name;
      cell(tr, fmt(d.closed), 'num');
      cell(tr, fmt(d.overdue), 'num');
      var rate = cell(tr, pct(d.onTimeRate), 'num');
      if (d.grade) { var g = document.createElement('span'); g.className = 'grade grade-' + d.grade; g.textContent = d.grade; rate.appendChild(g); }
      body.appendChild(tr);
    });
  }
  function renderHotSpots(list) {
    var ol = $('l-hotspots');
    ol.textContent = '';
    list.slice(0, 6).forEach(function (h) {
      var li = document.createElement('li');
      var name = document.createElement('span'); name.textContent = h.name;
      var sub = document.createElement('span'); sub.className = 'sub'; sub.textContent = h.street;
      var n = document.createElement('span'); n.className = 'n'; n.textContent = h.open + ' ' + labels.orders;
      li.appendChild(name); li.appendChild(sub); li.appendChild(n);
      ol.appendChild(li);
    });
  }
  var shownEvents = {};
  function eventItem(e, fresh) {
    var key = e.number + '|' + String(e.at).substring(0, 19) + '|' + e.action;
    if (shownEvents[key]) { return null; }
    shownEvents[key] = true;
    var li = document.createElement('li');
    if (fresh) { li.className = 'fresh'; }
    var when = document.createElement('span'); when.className = 'when'; when.textContent = time(e.at);
    var link = document.createElement('a'); link.href = e.href; link.textContent = e.number;
    var what = document.createElement('span'); what.className = 'sub'; what.textContent = e.action + ' · ' + e.category;
    li.appendChild(when); li.appendChild(link); li.appendChild(what);
    return li;
  }
  function addEvent(e, fresh) {
    var li = eventItem(e, fresh);
    if (!li) { return; }
    var ol = $('l-events');
    ol.insertBefore(li, ol.firstChild);
    while (ol.children.length > 14) { ol.removeChild(ol.lastChild); }
    state.events++;
  }

  // --- the map ----------------------------------------------------------------------------------------
  var mapEl = $('screen-map');
  var map = null, clusters = null, hot = null, gridLayers = {}, bases = null, gridBounds = null;
  var duplicates = null, cases = null, campaigns = null;
  if (window.L) {
    map = L.map(mapEl, {zoomControl: false, zoomSnap: 0.25, maxZoom: 19, attributionControl: true});
    bases = window.YiwangBaseMaps ? window.YiwangBaseMaps.attach(map, mapEl, {collapsed: true, position: 'topright', fixed: true,
      onDatumChange: function () { if (clusters) { var all = clusters.getLayers(); clusters.clearLayers(); clusters.addLayers(all); } }}) : null;
    map.setView([32.02, 118.79], 13);
    clusters = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 36, chunkedLoading: true});
    map.addLayer(clusters);
    hot = L.layerGroup().addTo(map);
    duplicates = L.layerGroup().addTo(map);
    cases = L.layerGroup().addTo(map);
    campaigns = L.layerGroup().addTo(map);
    fetch(mapEl.dataset.grids, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (geo) {
      var layer = L.geoJSON(geo, {filter: function (f) { return f.properties.kind !== 'dedicated'; },
        style: function () { return {weight: 0.5, fillOpacity: 1}; },
        onEachFeature: function (f, l) { gridLayers[f.properties.code] = l; }}).addTo(map);
      layer.bringToBack();
      gridBounds = layer.getBounds();
      if (gridBounds.isValid()) { map.fitBounds(gridBounds, {padding: [16, 16]}); }
      colourGrids();
    });
    loadOrders();
    loadOverlays();
  }
  // --- the 一张图's layers from other modules (map-layers.js): likely duplicates, joint-enforcement cases and campaign
  // records, without popups (nobody clicks a wall screen); reloaded with the snapshots, at most every 30 s
  var overlaysAt = 0;
  function loadOverlays() {
    var shared = window.YiwangMapLayers;
    if (!map || !shared) { return; }
    overlaysAt = Date.now();
    var opts = {labels: mapEl.dataset, popups: false, px: function (n) { return Math.round(n * rem() / 16); }};
    shared.getJson(mapEl.dataset.duplicates).then(function (pairs) { shared.drawDuplicates(duplicates, pairs, opts); });
    shared.getJson(mapEl.dataset.cases).then(function (list) { shared.drawCases(cases, list, opts); });
    shared.loadCampaigns(mapEl.dataset.campaigns, false).then(function (all) { shared.drawCampaigns(campaigns, all, opts); });
  }
  var perGrid = {};
  function loadClass(n) { return n > 10 ? 4 : n > 5 ? 3 : n > 2 ? 2 : n > 0 ? 1 : 0; }
  function colourGrids() {
    Object.keys(gridLayers).forEach(function (code) {
      var p = gridLayers[code].getElement && gridLayers[code].getElement();
      if (p) { p.setAttribute('class', 'leaflet-interactive yw-grid load-' + loadClass(perGrid[code] || 0)); }
    });
  }
  function icon(o) {
    var px = Math.round(0.75 * rem());
    return L.divIcon({className: 'yw-marker l-' + o.light, html: '<span></span>', iconSize: [px, px], iconAnchor: [px / 2, px / 2]});
  }
  function marker(o) {
    var link = document.createElement('a'); link.href = o.href; link.textContent = o.number;
    var box = document.createElement('div'); box.className = 'map-popup'; box.appendChild(link);
    var line = document.createElement('div'); line.textContent = o.categoryName + ' · ' + o.statusLabel + ' · ' + o.lightLabel; box.appendChild(line);
    return L.marker([o.lat, o.lon], {icon: icon(o), title: o.number, keyboard: false}).bindPopup(box);
  }
  function loadOrders() {
    fetch(mapEl.dataset.orders, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        clusters.clearLayers();
        state.markers = {};
        perGrid = data.perGrid || {};
        clusters.addLayers(data.markers.map(function (o) { var m = marker(o); state.markers[o.id] = m; return m; }));
        colourGrids();
      });
  }
  function orderChanged(o) {
    if (!map) { return; }
    var m = state.markers[o.id];
    if (m) { clusters.removeLayer(m); delete state.markers[o.id]; }
    if (o.open) { m = marker(o); state.markers[o.id] = m; clusters.addLayer(m); }
  }
  function drawHotSpots(list) {
    if (!hot) { return; }
    hot.clearLayers();
    list.slice(0, 8).forEach(function (h) {
      var px = Math.round(1.6 * rem());
      L.marker([h.lat, h.lon], {icon: L.divIcon({className: 'yw-hot', html: '<span></span>', iconSize: [px, px], iconAnchor: [px / 2, px / 2]}),
        keyboard: false, interactive: true}).bindTooltip(h.name + ' · ' + h.open + ' ' + labels.orders).addTo(hot);
    });
  }

  // --- the snapshot -----------------------------------------------------------------------------------
  function render(s) {
    text('k-intake', fmt(s.today.intake));
    text('k-closed', fmt(s.today.closed));
    text('k-open', fmt(s.today.open));
    text('k-overdue', fmt(s.today.overdue));
    text('k-ontime', pct(s.week.onTimeRate));
    text('k-satisfaction', pct(s.week.satisfactionRate));
    drawLights(s.lights);
    drawBars('c-categories', s.topCategories.map(function (c) { return c.name; }), [{name: '', data: s.topCategories.map(function (c) { return c.count; }), color: '#1fc8ff'}], true);
    var streets = s.streets.slice(0, 12);
    drawBars('c-streets', streets.map(function (x) { return x.name.replace('街道', ''); }),
      [{name: labels.open, data: streets.map(function (x) { return x.open; }), color: '#1f8fff'},
        {name: labels.overdue, data: streets.map(function (x) { return x.overdue; }), color: '#ff4d4f'}], false);
    renderDepartments(s.departments);
    renderHotSpots(s.hotSpots);
    drawHotSpots(s.hotSpots);
    s.events.slice().reverse().forEach(function (e) { addEvent(e, state.snapshots > 0); });
    text('screen-updated', time(s.at));
    if (Date.now() - overlaysAt > 30000) { loadOverlays(); }
    if (Date.now() - servicesAt > 60000) { loadServices(); }
  }
  // --- 一网通办 figures (service-figures.js, from the services API; the panel stays hidden when the reader may not see them)
  var servicesAt = 0;
  function loadServices() {
    servicesAt = Date.now();
    if (window.YiwangServiceFigures) { window.YiwangServiceFigures.load($('screen-services')); }
  }
  var live = $('screen-live');
  if (window.EventSource) {
    var stream = new EventSource(root.dataset.stream);
    stream.addEventListener('snapshot', function (e) {
      var s = JSON.parse(e.data);
      state.last = s;
      render(s);
      state.snapshots++;
      live.textContent = live.dataset.on; live.classList.add('on');
    });
    stream.addEventListener('error', function () { live.textContent = live.dataset.off; live.classList.remove('on'); });
    var orders = new EventSource(root.dataset.mapStream);
    orders.addEventListener('order', function (e) {
      var o = JSON.parse(e.data);
      orderChanged(o);
      addEvent({number: o.number, at: o.at, action: o.actionLabel, category: o.categoryName, href: o.href}, true);
    });
  }

  // for screen tests: what the screen shows now
  window.yiwangScreen = {
    snapshots: function () { return state.snapshots; },
    last: function () { return state.last; },
    markerCount: function () { return Object.keys(state.markers).length; },
    gridCount: function () { return Object.keys(gridLayers).length; },
    hasMarker: function (id) { return !!state.markers[id]; },
    events: function () { return state.events; },
    duplicateCount: function () { return duplicates ? window.YiwangMapLayers.duplicatePairs(duplicates) : 0; },
    caseCount: function () { return cases ? cases.getLayers().length : 0; },
    campaignCount: function () { return campaigns ? campaigns.getLayers().length : 0; },
    reloadOverlays: loadOverlays,
    servicesShown: function () { return $('screen-services').dataset.loaded === 'true' && !$('screen-services').hidden; },
    bases: bases,
    map: map
  };
})();
