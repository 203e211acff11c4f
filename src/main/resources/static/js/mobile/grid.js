// 今日网格: the grid worker's grid outline with its open orders, coloured by traffic light.
(function () {
  'use strict';
  var el = document.getElementById('grid-map');
  var dataEl = document.getElementById('grid-data');
  if (!el || !dataEl || !window.L) { return; }
  var data = JSON.parse(dataEl.textContent);
  var map = L.map(el, {maxZoom: 19, zoomSnap: 0.25, attributionControl: !!el.dataset.tileUrl});
  if (el.dataset.tileUrl) {
    L.tileLayer(el.dataset.tileUrl, {maxZoom: 19}).addTo(map);
  } else {
    el.classList.add('offline');
  }
  var bounds = L.latLngBounds([]);
  data.outlines.forEach(function (g) {
    g.rings.forEach(function (ring) {
      var polygon = L.polygon(ring, {className: 'yw-outline mine', weight: 2, fillOpacity: 0.08}).bindTooltip(g.name).addTo(map);
      bounds.extend(polygon.getBounds());
    });
  });
  data.markers.forEach(function (m) {
    var marker = L.circleMarker([m.lat, m.lon], {radius: m.verify ? 9 : 7, className: 'yw-dot l-' + m.light + (m.verify ? ' verify' : ''),
      weight: 2, fillOpacity: 0.9});
    var link = document.createElement('a');
    link.href = '/m/grid/orders/' + m.id;
    link.textContent = m.number;
    var box = document.createElement('div');
    box.appendChild(link);
    box.appendChild(document.createElement('br'));
    box.appendChild(document.createTextNode(m.status + (m.category ? ' · ' + m.category : '')));
    marker.bindPopup(box).addTo(map);
    bounds.extend([m.lat, m.lon]);
  });
  if (bounds.isValid()) {
    map.fitBounds(bounds, {padding: [16, 16]});
  } else {
    map.setView([32.02, 118.79], 14);
  }
})();
