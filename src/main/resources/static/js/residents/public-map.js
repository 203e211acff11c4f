// 问题地图: open and recently fixed problems as dots; each links to its public page. Also listed as text,
// so that the map's content is there for screen readers and when the map cannot load.
(function () {
  var el = document.getElementById('public-map');
  var list = document.getElementById('public-list');
  if (!el) { return; }
  fetch(el.dataset.points, {headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (points) {
      var map = null;
      if (window.L) {
        map = L.map(el, {maxZoom: 19, attributionControl: !!el.dataset.tileUrl});
        if (el.dataset.tileUrl) { L.tileLayer(el.dataset.tileUrl, {maxZoom: 19}).addTo(map); }
      }
      var bounds = [];
      points.forEach(function (p) {
        if (map) {
          L.circleMarker([p.lat, p.lon], {radius: 7, weight: 2, color: p.open ? '#b42318' : '#1a7f37',
            fillOpacity: 0.7}).addTo(map).bindPopup(function () {
              var a = document.createElement('a');
              a.href = p.url;
              a.textContent = p.number + ' ' + (p.category || '');
              return a;
            });
        }
        bounds.push([p.lat, p.lon]);
        if (list && list.children.length < 50) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = p.url;
          a.textContent = p.number + ' · ' + (p.category || '—');
          li.appendChild(a);
          li.className = p.open ? 'open' : 'fixed';
          list.appendChild(li);
        }
      });
      if (map) {
        if (bounds.length) { map.fitBounds(bounds, {maxZoom: 16}); } else { map.setView([32.02, 118.79], 13); }
      }
    });
})();
