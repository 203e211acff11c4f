// 待定位: the dispatcher's grids on a map; a click inside one chooses the report's place (WGS-84) for the form.
(function () {
  'use strict';
  function start() {
    var el = document.getElementById('place-map');
    if (!el || !window.L) { return; }
    var lat = document.getElementById('place-lat');
    var lon = document.getElementById('place-lon');
    var chosen = document.getElementById('place-chosen');
    var map = L.map(el, {maxZoom: 19, attributionControl: !!el.dataset.tileUrl});
    map.setView([32.02, 118.79], 13);
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {maxZoom: 19}).addTo(map);
    }
    var marker = null;
    function place(latlng) {
      lat.value = latlng.lat.toFixed(7);
      lon.value = latlng.lng.toFixed(7);
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
      chosen.textContent = chosen.dataset.label + ' ' + lat.value + ', ' + lon.value;
      el.setAttribute('data-placed', 'true');
    }
    map.on('click', function (e) { place(e.latlng); });
    fetch(el.dataset.grids, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (geo) {
      var layer = L.geoJSON(geo, {
        style: function (f) {
          return f.properties.kind === 'community' ? {weight: 2, color: '#555', fill: false}
            : {weight: 1.2, color: '#1a73e8', fillOpacity: 0.12};
        },
        onEachFeature: function (f, l) {
          l.bindTooltip(f.properties.name || f.properties.code, {sticky: true});
          l.on('add', function () {
            var path = l.getElement && l.getElement();
            if (path) { path.setAttribute('data-grid', f.properties.code); }
          });
        }
      }).addTo(map);
      if (layer.getBounds().isValid()) { map.fitBounds(layer.getBounds(), {padding: [10, 10]}); }
      if (lat.value && lon.value) { place(L.latLng(parseFloat(lat.value), parseFloat(lon.value))); }
      el.setAttribute('data-ready', 'true');
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
