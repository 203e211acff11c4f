// The grid map of the grid administration page: the import preview (inline JSON) or the grids of a street or community.
(function () {
  var element = document.getElementById('grid-map');
  var map = L.map(element, {preferCanvas: true});
  var tiles = element.dataset.tiles;
  if (tiles) { L.tileLayer(tiles, {maxZoom: 19}).addTo(map); }
  var colours = {comprehensive: '#1f5fbf', dedicated: '#2e8b57', community: '#5f6b7a'};
  function draw(data) {
    var layer = L.geoJSON(data, {
      style: function (f) { var k = f.properties.kind; return {color: colours[k] || '#1f5fbf', weight: k === 'community' ? 3 : 1.5, fillOpacity: k === 'community' ? 0 : 0.15, dashArray: k === 'community' ? '6 4' : null}; },
      pointToLayer: function (f, at) { return L.circleMarker(at, {radius: 7, color: f.properties.error ? '#c8322f' : '#d99a00', fillOpacity: 0.8}); },
      onEachFeature: function (f, l) {
        var p = f.properties, text = p.problem ? p.problem : ((p.code || '') + ' ' + (p.name || '') + (p.index !== undefined ? ' #' + p.index : ''));
        l.bindTooltip(text);
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds, {padding: [12, 12]}); } else { map.setView([32.02, 118.79], 13); }
  }
  var inline = document.getElementById('grid-preview');
  if (inline) { draw(JSON.parse(inline.textContent)); }
  else if (element.dataset.source) {
    fetch(element.dataset.source, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (data) {
      data.features.forEach(function (f) { f.properties.kind = f.properties.kind || 'comprehensive'; });
      draw(data);
    });
  }
})();
