// 指挥一张图: grid polygons coloured by how many orders they hold, order markers coloured by traffic
// light and clustered, filters, and live updates by server-sent events (no reload).
(function () {
  'use strict';
  var el = document.getElementById('command-map');
  if (!el || !window.L) { return; }
  var zone = el.closest('[data-zone]').dataset.zone;   // the platform's zone, from the page (ChinaTime)
  var form = document.getElementById('map-filters');
  var totalEl = document.getElementById('map-total');
  var truncatedEl = document.getElementById('map-truncated');
  var feed = document.getElementById('live-feed');
  var feedEmpty = document.getElementById('live-empty');
  var liveState = document.getElementById('live-state');
  var labels = el.dataset;
  var shared = window.YiwangMapLayers;   // map-layers.js: the drawing the big screen shares
  var getJson = shared.getJson;

  var map = L.map(el, {maxZoom: 19, zoomSnap: 0.25});
  var clusters = null;
  var bases = window.YiwangBaseMaps ? window.YiwangBaseMaps.attach(map, el, {
    // marker clusters keep projected positions: on a switch of datum they are laid out anew
    onDatumChange: function () { if (clusters) { var all = clusters.getLayers(); clusters.clearLayers(); clusters.addLayers(all); } }
  }) : null;
  map.setView([32.02, 118.79], 13);

  var perGrid = {};          // grid code → orders shown in it
  var gridLayers = {};       // grid code → polygon layers
  var markers = {};          // order id → marker
  var counted = {};          // order id → grid code it is counted in
  var total = 0;
  clusters = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true});
  map.addLayer(clusters);

  var coverage = null;      // grid code → this round's visit coverage, while that layer is on
  function coverageClass(r) {
    return r >= 0.8 ? 4 : r >= 0.6 ? 3 : r >= 0.4 ? 2 : r >= 0.2 ? 1 : 0;
  }
  function loadClass(n) {
    return n > 10 ? 4 : n > 5 ? 3 : n > 2 ? 2 : n > 0 ? 1 : 0;
  }
  function styleGrid(code) {
    (gridLayers[code] || []).forEach(function (layer) {
      var dedicated = layer.feature.properties.kind === 'dedicated';
      var n = perGrid[code] || 0;
      var path = layer.getElement && layer.getElement();
      var cov = coverage && coverage[code];
      var fill = dedicated ? 'dedicated' : coverage ? (cov && cov.households > 0 ? 'cov-' + coverageClass(cov.ratio) : 'cov-none')
        : 'load-' + loadClass(n);
      if (path) {
        path.setAttribute('class', 'leaflet-interactive yw-grid ' + fill);
        path.setAttribute('data-grid', code);
      }
      layer.setTooltipContent(layer.feature.properties.name + ' · ' + (coverage
        ? labels.coverageLabel + ' ' + (cov ? cov.covered + '/' + cov.households + ' (' + Math.round(cov.ratio * 100) + '%)' : '—')
        : n + ' ' + labels.gridLabel));
    });
  }

  // --- grids --------------------------------------------------------------------------------------
  var gridsReady = fetch(el.dataset.grids, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (geo) {
    var layer = L.geoJSON(geo, {
      style: function (f) { return {weight: f.properties.kind === 'dedicated' ? 1 : 1.2, fillOpacity: f.properties.kind === 'dedicated' ? 0 : 0.55}; },
      onEachFeature: function (f, l) {
        (gridLayers[f.properties.code] = gridLayers[f.properties.code] || []).push(l);
        l.bindTooltip(f.properties.name, {sticky: true});
      }
    }).addTo(map);
    layer.bringToBack();
    if (layer.getBounds().isValid()) { map.fitBounds(layer.getBounds(), {padding: [10, 10]}); }
    Object.keys(gridLayers).forEach(styleGrid);
  });

  // --- markers ------------------------------------------------------------------------------------
  function icon(o) {
    return L.divIcon({className: 'yw-marker l-' + o.light + (o.open ? '' : ' closed'), html: '<span></span>', iconSize: [16, 16], iconAnchor: [8, 8]});
  }
  function popup(o) {
    var box = document.createElement('div');
    box.className = 'map-popup';
    var link = document.createElement('a');
    link.href = o.href;
    link.textContent = o.number;
    link.title = labels.linkLabel;
    box.appendChild(link);
    [o.categoryName, o.statusLabel + ' · ' + o.lightLabel, o.sourceLabel + ' · ' + o.createdAt.substring(0, 16).replace('T', ' ')]
      .forEach(function (line) { var p = document.createElement('div'); p.textContent = line; box.appendChild(p); });
    return box;
  }
  function upsert(o) {
    var m = markers[o.id];
    if (m) {
      m.setLatLng([o.lat, o.lon]).setIcon(icon(o)).setPopupContent(popup(o));
    } else {
      m = L.marker([o.lat, o.lon], {icon: icon(o), title: o.number, keyboard: true}).bindPopup(popup(o));
      markers[o.id] = m;
      clusters.addLayer(m);
    }
    m.options.order = o;
    count(o.id, o.grid);
  }
  function remove(id) {
    if (markers[id]) { clusters.removeLayer(markers[id]); delete markers[id]; }
    count(id, null);
  }
  function count(id, grid) {
    var before = counted[id];
    if (before === grid) { return; }
    if (before !== undefined && before !== null) { perGrid[before] = Math.max(0, (perGrid[before] || 1) - 1); styleGrid(before); total--; }
    if (grid) { perGrid[grid] = (perGrid[grid] || 0) + 1; styleGrid(grid); counted[id] = grid; total++; } else { delete counted[id]; }
    totalEl.textContent = total;
  }

  function query() {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) { params.delete(k); } });
    return params;
  }
  function load() {
    var params = query();
    return fetch(el.dataset.orders + (params.toString() ? '?' + params : ''), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        clusters.clearLayers();
        markers = {}; counted = {}; perGrid = data.perGrid || {}; total = 0;
        var batch = data.markers.map(function (o) {
          var m = L.marker([o.lat, o.lon], {icon: icon(o), title: o.number, keyboard: true}).bindPopup(popup(o));
          m.options.order = o;
          markers[o.id] = m;
          counted[o.id] = o.grid;
          return m;
        });
        clusters.addLayers(batch);
        total = data.total;
        totalEl.textContent = total;
        truncatedEl.hidden = !data.truncated;
        return gridsReady.then(function () { Object.keys(gridLayers).forEach(styleGrid); });
      });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var params = query();
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : ''));
    load();
  });
  var ready = load();

  // --- live updates -------------------------------------------------------------------------------
  function passes(o) {
    var f = query();
    var status = f.get('status');
    var from = f.get('from'), to = f.get('to');
    var day = new Date(new Date(o.createdAt).getTime() + 8 * 3600 * 1000).toISOString().substring(0, 10); // Beijing day
    return (!f.get('category') || (o.category && o.category.indexOf(f.get('category')) === 0))
      && (status ? o.status === status : o.open)
      && (!f.get('source') || o.source === f.get('source'))
      && (!from || day >= from) && (!to || day <= to);
  }
  function note(o) {
    if (feedEmpty) { feedEmpty.hidden = true; }
    var li = document.createElement('li');
    li.className = 'l-' + o.light;
    li.dataset.order = o.id;
    var time = document.createElement('span');
    time.className = 'when';
    time.textContent = new Date(o.at).toLocaleTimeString('zh-CN', {hour12: false, timeZone: zone});
    var link = document.createElement('a');
    link.href = o.href;
    link.textContent = o.number;
    var what = document.createElement('span');
    what.textContent = ' ' + o.actionLabel + ' · ' + o.categoryName;
    li.appendChild(time); li.appendChild(link); li.appendChild(what);
    feed.insertBefore(li, feed.firstChild);
    while (feed.children.length > 30) { feed.removeChild(feed.lastChild); }
  }
  if (window.EventSource) {
    var source = new EventSource(el.dataset.stream);
    source.addEventListener('hello', function () { liveState.textContent = liveState.dataset.on; liveState.classList.add('on'); });
    source.addEventListener('error', function () { liveState.textContent = liveState.dataset.off; liveState.classList.remove('on'); });
    source.addEventListener('order', function (e) {
      var o = JSON.parse(e.data);
      ready.then(function () {
        if (passes(o)) {
          var isNew = !markers[o.id];
          upsert(o);
          if (isNew) {
            var m = markers[o.id];
            var elm = m.getElement && m.getElement();
            if (elm) { elm.classList.add('fresh'); }
          }
        } else {
          remove(o.id);
        }
        note(o);
      });
    });
  }

  // --- grid workers in the field: live positions (refreshed every 30 s) and today's patrol tracks --------
  var workers = L.layerGroup();
  var tracks = L.layerGroup();
  var workerCount = 0;
  function loadWorkers() {
    if (!el.dataset.positions || !map.hasLayer(workers)) { return Promise.resolve(); }
    return getJson(el.dataset.positions).then(function (list) {
      workers.clearLayers();
      workerCount = 0;
      list.forEach(function (w) {
        if (!isFinite(w.lat) || !isFinite(w.lon)) { return; }
        var m = L.marker([w.lat, w.lon], {icon: L.divIcon({className: 'yw-worker', html: '<span></span>', iconSize: [14, 14], iconAnchor: [7, 7]}),
          title: w.name, keyboard: false});
        m.bindTooltip(w.name + ' · ' + labels.seenLabel + ' ' + new Date(w.at).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}));
        workers.addLayer(m);
        workerCount++;
      });
    });
  }
  function loadTracks() {
    if (!el.dataset.tracks || !map.hasLayer(tracks)) { return Promise.resolve(); }
    return getJson(el.dataset.tracks).then(function (list) {
      tracks.clearLayers();
      list.forEach(function (t) {
        if (!t.points || t.points.length < 2) { return; }
        L.polyline(t.points, {className: 'yw-track' + (t.running ? ' running' : ''), weight: 3, opacity: 0.8})
          .bindTooltip(t.name).addTo(tracks);
      });
    });
  }
  // --- this round's household-visit coverage: the grids coloured by the share of households visited -----
  var coverageSwitch = L.layerGroup();
  function loadCoverage() {
    if (!el.dataset.coverage || !map.hasLayer(coverageSwitch)) { return Promise.resolve(); }
    return getJson(el.dataset.coverage).then(function (rows) {
      if (!map.hasLayer(coverageSwitch)) { return; }
      coverage = {};
      rows.forEach(function (c) { coverage[c.code] = c; });
      Object.keys(gridLayers).forEach(styleGrid);
      document.getElementById('map-legend-load').hidden = true;
      document.getElementById('map-legend-coverage').hidden = false;
    });
  }
  map.on('overlayremove', function (e) {
    if (e.layer === coverageSwitch) {
      coverage = null;
      Object.keys(gridLayers).forEach(styleGrid);
      document.getElementById('map-legend-load').hidden = false;
      document.getElementById('map-legend-coverage').hidden = true;
    }
  });
  // --- care visits due per grid: a badge with the number of people cared for whose visit is due ---------
  var care = L.layerGroup();
  function loadCare() {
    if (!el.dataset.care || !map.hasLayer(care)) { return Promise.resolve(); }
    return Promise.all([getJson(el.dataset.care), gridsReady]).then(function (all) {
      care.clearLayers();
      all[0].forEach(function (g) {
        var layers = gridLayers[g.gridCode];
        if (!layers || !layers.length || !(g.due > 0)) { return; }
        var icon = L.divIcon({className: 'yw-care' + (g.overdue > 0 ? ' overdue' : ''), html: '<span>' + g.due + '</span>',
          iconSize: [24, 24], iconAnchor: [12, 12]});
        L.marker(layers[0].getBounds().getCenter(), {icon: icon, keyboard: false})
          .bindTooltip(layers[0].feature.properties.name + ' · ' + labels.careTip.replace('{0}', g.due).replace('{1}', g.overdue))
          .addTo(care);
      });
    });
  }
  // --- hot spots (热点: many reports of one category in one grid) and whistles (吹哨) on open orders --------------
  var link = shared.link, line = shared.line;
  var hotspots = L.layerGroup();
  function loadHotspots() {
    if (!el.dataset.hotspots || !map.hasLayer(hotspots)) { return Promise.resolve(); }
    return Promise.all([getJson(el.dataset.hotspots), gridsReady]).then(function (all) {
      hotspots.clearLayers();
      all[0].forEach(function (h) {
        var layers = gridLayers[h.gridCode];
        if (!layers || !layers.length) { return; }
        var box = document.createElement('div');
        box.className = 'map-popup';
        box.appendChild(link(el.dataset.hotspotsPage, labels.hotspotLabel + ' · ' + (h.categoryName || '')));
        line(box, layers[0].feature.properties.name + ' · ' + h.orderCount + ' ' + labels.gridLabel);
        (h.orders || []).slice(0, 8).forEach(function (o) { var d = line(box, ''); d.appendChild(link('/work-orders/' + o.id, o.number)); });
        L.marker(layers[0].getBounds().getCenter(), {keyboard: false, title: labels.hotspotLabel,
          icon: L.divIcon({className: 'yw-hotspot', html: '<span>' + Number(h.orderCount) + '</span>', iconSize: [30, 30], iconAnchor: [15, 15]})})
          .bindPopup(box).addTo(hotspots);
      });
    });
  }
  var whistles = L.layerGroup();
  function loadWhistles() {
    if (!el.dataset.whistles || !map.hasLayer(whistles)) { return Promise.resolve(); }
    return Promise.all([getJson(el.dataset.whistles), ready]).then(function (all) {
      whistles.clearLayers();
      (all[0].items || all[0].content || []).forEach(function (w) {
        var m = w.order && markers[w.order.id];
        if (!m) { return; }
        var box = document.createElement('div');
        box.className = 'map-popup';
        box.appendChild(link('/whistles/' + w.id, w.number + ' · ' + w.kindLabel));
        line(box, w.statusLabel + (w.overdue ? ' · ' + labels.whistleOverdue : ''));
        var d = line(box, ''); d.appendChild(link('/work-orders/' + w.order.id, w.order.number));
        L.marker(m.getLatLng(), {keyboard: false, title: w.number, zIndexOffset: 1000,
          icon: L.divIcon({className: 'yw-whistle' + (w.overdue ? ' overdue' : ''), html: '<span>哨</span>', iconSize: [26, 26], iconAnchor: [13, 13]})})
          .bindPopup(box).addTo(whistles);
      });
    });
  }
  // --- likely duplicates (疑似重复, from the sorter): a dashed line between the two orders and a badge between them;
  // the popup leads to both orders, and to the newer one's duplicate panel where the dispatcher merges or keeps them apart.
  // Joint-enforcement cases (联合执法) by stage and arrival light; campaign records (专项行动) per campaign and grid.
  // Drawn by map-layers.js, which the big screen shares.
  var duplicates = L.layerGroup();
  function loadDuplicates() {
    if (!el.dataset.duplicates || !map.hasLayer(duplicates)) { return Promise.resolve(); }
    return getJson(el.dataset.duplicates).then(function (pairs) { shared.drawDuplicates(duplicates, pairs, {labels: labels}); });
  }
  var cases = L.layerGroup();
  function loadCases() {
    if (!el.dataset.cases || !map.hasLayer(cases)) { return Promise.resolve(); }
    return getJson(el.dataset.cases).then(function (list) { shared.drawCases(cases, list, {labels: labels}); });
  }
  var campaignLayer = L.layerGroup();
  function loadCampaigns() {
    if (!el.dataset.campaigns || !map.hasLayer(campaignLayer)) { return Promise.resolve(); }
    return shared.loadCampaigns(el.dataset.campaigns, true).then(function (all) { shared.drawCampaigns(campaignLayer, all, {labels: labels}); });
  }
  if (el.dataset.positions) {
    var overlays = {};
    overlays[labels.positionsLabel] = workers;
    overlays[labels.tracksLabel] = tracks;
    overlays[labels.coverageLayerLabel] = coverageSwitch;
    overlays[labels.careLayerLabel] = care;
    overlays[labels.hotspotLayerLabel] = hotspots;
    overlays[labels.whistleLayerLabel] = whistles;
    overlays[labels.duplicateLayerLabel] = duplicates;
    overlays[labels.caseLayerLabel] = cases;
    overlays[labels.campaignLayerLabel] = campaignLayer;
    L.control.layers(null, overlays, {collapsed: false, position: 'topright'}).addTo(map);
    workers.addTo(map);
    map.on('overlayadd', function (e) { if (e.layer === workers) { loadWorkers(); } else if (e.layer === tracks) { loadTracks(); } else if (e.layer === coverageSwitch) { loadCoverage(); } else if (e.layer === care) { loadCare(); } else if (e.layer === hotspots) { loadHotspots(); } else if (e.layer === whistles) { loadWhistles(); } else if (e.layer === duplicates) { loadDuplicates(); } else if (e.layer === cases) { loadCases(); } else if (e.layer === campaignLayer) { loadCampaigns(); } });
    loadWorkers();
    setInterval(function () { loadWorkers(); loadTracks(); }, 30000);
  }

  // for screen tests and the curious: what the map shows now
  window.yiwangMap = {
    map: map,
    hasMarker: function (id) { return !!markers[id]; },
    markerCount: function () { return Object.keys(markers).length; },
    gridCount: function () { return Object.keys(gridLayers).length; },
    load: function (code) { return perGrid[code] || 0; },
    workerCount: function () { return workerCount; },
    trackCount: function () { return tracks.getLayers().length; },
    coverageShown: function () { return coverage !== null; },
    careBadges: function () { return care.getLayers().length; },
    hotspotCount: function () { return hotspots.getLayers().length; },
    whistleCount: function () { return whistles.getLayers().length; },
    duplicateCount: function () { return shared.duplicatePairs(duplicates); },
    caseCount: function () { return cases.getLayers().length; },
    campaignCount: function () { return campaignLayer.getLayers().length; },
    reloadWorkers: loadWorkers,
    bases: bases,
    markerPoint: function (id) { var m = markers[id]; return m ? map.latLngToContainerPoint(m.getLatLng()) : null; }
  };
})();
