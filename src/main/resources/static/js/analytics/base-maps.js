// Base maps (底图) of the command map and the big screen: the offline map (district outline and street names,
// no tile server), 天地图 (WGS-84/CGCS2000), 高德 and 腾讯 (GCJ-02) and a custom tile URL, with a switcher.
// Everything Yiwang draws is stored in WGS-84; on a GCJ-02 base map the map's projection applies the GCJ-02
// offset first, so grids, orders and positions land on the tiles' streets without touching the data.
(function () {
  'use strict';
  if (!window.L) { return; }

  // The published GCJ-02 formula (the same as org.yiwang.geo.internal.ChinaDatums; BaseMapsScreenTests compares them).
  var A = 6378245.0, EE = 0.00669342162296594323;
  function outsideChina(lon, lat) { return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271; }
  function tLat(x, y) {
    var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }
  function tLon(x, y) {
    var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }
  function wgsToGcj(lat, lon) {
    if (outsideChina(lon, lat)) { return [lat, lon]; }
    var dLat = tLat(lon - 105.0, lat - 35.0), dLon = tLon(lon - 105.0, lat - 35.0);
    var radLat = lat / 180.0 * Math.PI, magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    var sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return [lat + dLat, lon + dLon];
  }
  function gcjToWgs(lat, lon) {
    if (outsideChina(lon, lat)) { return [lat, lon]; }
    var wLat = lat, wLon = lon;
    for (var i = 0; i < 30; i++) {
      var g = wgsToGcj(wLat, wLon), dLat = g[0] - lat, dLon = g[1] - lon;
      wLat -= dLat; wLon -= dLon;
      if (Math.abs(dLat) < 1e-10 && Math.abs(dLon) < 1e-10) { break; }
    }
    return [wLat, wLon];
  }

  function escape(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  var mercator = L.Projection.SphericalMercator;
  var gcjProjection = {
    bounds: mercator.bounds,
    project: function (latlng) { var g = wgsToGcj(latlng.lat, latlng.lng); return mercator.project(L.latLng(g[0], g[1])); },
    unproject: function (point) { var ll = mercator.unproject(point); var w = gcjToWgs(ll.lat, ll.lng); return L.latLng(w[0], w[1]); }
  };
  var CRS = {wgs84: L.CRS.EPSG3857, gcj02: L.extend({}, L.CRS.EPSG3857, {code: 'EPSG:3857-GCJ02', projection: gcjProjection})};

  /**
   * Adds the base maps to {@code map} (created with crs from {@link crsFor}), the switcher and the outline.
   * el.dataset: baseMaps (JSON), defaultBase, outline (URL). onDatumChange() is called after a switch between
   * datums (the caller re-adds what caches projected positions, e.g. marker clusters).
   */
  function attach(map, el, options) {
    options = options || {};
    var offered = JSON.parse(el.dataset.baseMaps || '[]');
    var wanted = el.dataset.defaultBase || 'offline';
    try { var saved = window.localStorage && localStorage.getItem('yiwang.baseMap'); if (saved && !options.fixed) { wanted = saved; } } catch (e) { /* private mode */ }
    if (!offered.some(function (b) { return b.id === wanted; })) { wanted = 'offline'; }

    map.createPane('ywBase').style.zIndex = 250;
    var labelPane = map.createPane('ywLabels');
    labelPane.style.zIndex = 450;
    labelPane.style.pointerEvents = 'none';

    var boundary = L.layerGroup().addTo(map);   // district outline and street lines: on every base map
    var labels = L.layerGroup();                // street names: on the offline map
    var layers = {}, byLayer = [], current = null;
    offered.forEach(function (b) {
      var group = L.layerGroup();
      b.tiles.forEach(function (t) {
        group.addLayer(L.tileLayer(t.url, {subdomains: t.subdomains, maxZoom: 19, maxNativeZoom: t.maxZoom, attribution: b.attribution,
          className: 'yw-tiles'}));
      });
      if (!b.tiles.length) { group.addLayer(labels); }
      group.baseMap = b;
      layers[b.label] = group;
      byLayer.push(group);
    });

    function apply(group) {
      var b = group.baseMap;
      el.classList.toggle('offline', b.tiles.length === 0);
      el.classList.toggle('satellite', !!b.satellite);
      el.dataset.baseMap = b.id;
      el.dataset.datum = b.datum;
      var crs = CRS[b.datum] || CRS.wgs84;
      if (map.options.crs !== crs) {
        var center = map.getCenter(), zoom = map.getZoom();
        map.options.crs = crs;
        map.setView(center, zoom, {reset: true});
        if (options.onDatumChange) { options.onDatumChange(b.datum); }
      }
      current = b;
      try { if (!options.fixed && window.localStorage) { localStorage.setItem('yiwang.baseMap', b.id); } } catch (e) { /* private mode */ }
    }
    map.on('baselayerchange', function (e) { if (e.layer.baseMap) { apply(e.layer); } });

    var start = byLayer.filter(function (g) { return g.baseMap.id === wanted; })[0] || byLayer[0];
    if (start) {
      map.options.crs = CRS[start.baseMap.datum] || CRS.wgs84;
      start.addTo(map);
      apply(start);
    }
    var control = null;
    if (byLayer.length > 1 && options.switcher !== false) {
      control = L.control.layers(layers, null, {collapsed: !!options.collapsed, position: options.position || 'topleft'}).addTo(map);
      if (control.getContainer) { control.getContainer().classList.add('yw-base-switch'); }
    }

    var outlineReady = !el.dataset.outline ? Promise.resolve(null)
      : fetch(el.dataset.outline, {credentials: 'same-origin', headers: {'Accept': 'application/geo+json'}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (geo) {
          if (!geo) { return null; }
          L.geoJSON(geo, {
            pane: 'ywBase',
            filter: function (f) { return f.properties.kind !== 'label'; },
            style: function (f) {
              return f.properties.kind === 'district'
                ? {className: 'yw-district', weight: 3, fill: true, fillOpacity: 1, interactive: false}
                : {className: 'yw-street', weight: 1.5, fill: false, interactive: false};
            }
          }).addTo(boundary);
          geo.features.filter(function (f) { return f.properties.kind === 'label'; }).forEach(function (f) {
            L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {pane: 'ywLabels', interactive: false, keyboard: false,
              icon: L.divIcon({className: 'yw-street-label', html: '<span>' + escape(f.properties.name) + '</span>', iconSize: null})})
              .addTo(labels);
          });
          return geo;
        }).catch(function () { return null; });

    return {
      control: control,
      current: function () { return current; },
      outlineReady: outlineReady,
      labelCount: function () { return labels.getLayers().length; },
      select: function (id) {
        var g = byLayer.filter(function (x) { return x.baseMap.id === id; })[0];
        if (!g || g.baseMap === current) { return !!g; }
        byLayer.forEach(function (x) { if (map.hasLayer(x)) { map.removeLayer(x); } });
        g.addTo(map);
        map.fire('baselayerchange', {layer: g, name: g.baseMap.label});
        return true;
      },
      tileUrls: function () {
        var urls = [];
        map.eachLayer(function (l) { if (l instanceof L.TileLayer) { urls.push(l._url); } });
        return urls;
      }
    };
  }

  window.YiwangBaseMaps = {attach: attach, wgsToGcj: wgsToGcj, gcjToWgs: gcjToWgs, crs: CRS};
})();
