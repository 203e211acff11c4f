// 随手拍: the draggable pin (phone position, tap or drag, typed-address fallback), grid outlines on an
// offline map, photo previews and the searchable category tree. The page works without this script
// too, except for the map: then the typed address locates the report.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  var mapEl = document.getElementById('report-map');
  var status = document.getElementById('geo-status');
  var latInput = document.getElementById('lat');
  var lonInput = document.getElementById('lon');

  function say(key) {
    if (status && status.dataset[key]) { status.textContent = status.dataset[key]; }
  }

  // --- map and pin -------------------------------------------------------------------------------
  var map = null, pin = null;
  if (mapEl && window.L) {
    var start = [parseFloat(mapEl.dataset.lat), parseFloat(mapEl.dataset.lon)];
    var tileUrl = mapEl.dataset.tileUrl;
    map = L.map(mapEl, {maxZoom: 19, attributionControl: !!tileUrl}).setView(start, 16);
    if (tileUrl) {
      L.tileLayer(tileUrl, {maxZoom: 19}).addTo(map);
    } else {
      mapEl.classList.add('offline');
    }
    var icon = L.divIcon({className: 'yw-pin', html: '<span></span>', iconSize: [28, 40], iconAnchor: [14, 40]});
    pin = L.marker(start, {draggable: true, icon: icon, autoPan: true, keyboard: true, title: mapEl.dataset.pinLabel || ''}).addTo(map);
    pin.on('dragend', function () { var p = pin.getLatLng(); place(p.lat, p.lng, false); });
    map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, false); });

    var outlines = L.layerGroup().addTo(map);
    var drawn = {};
    var outlineUrl = mapEl.dataset.outlines;
    function loadOutlines() {
      var b = map.getBounds();
      var url = outlineUrl + '?south=' + b.getSouth() + '&west=' + b.getWest() + '&north=' + b.getNorth() + '&east=' + b.getEast();
      fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (grids) {
          grids.forEach(function (g) {
            if (drawn[g.code]) { return; }
            drawn[g.code] = true;
            g.rings.forEach(function (ring) {
              L.polygon(ring, {className: 'yw-outline ' + (g.kind === 'DEDICATED' ? 'dedicated' : ''), weight: 1, fillOpacity: 0.04, interactive: false})
                .bindTooltip(g.name, {sticky: true}).addTo(outlines);
            });
          });
        })
        .catch(function () { /* outlines are a help, not a must */ });
    }
    map.on('moveend', loadOutlines);
    loadOutlines();
  }

  function place(lat, lon, pan) {
    latInput.value = lat.toFixed(6);
    lonInput.value = lon.toFixed(6);
    if (pin) {
      pin.setLatLng([lat, lon]);
      if (pan) { map.setView([lat, lon], Math.max(map.getZoom(), 16)); }
    }
    document.body.dispatchEvent(new Event('pinmoved'));
  }

  function locate() {
    if (!navigator.geolocation) { say('failed'); return; }
    say('locating');
    navigator.geolocation.getCurrentPosition(function (position) {
      place(position.coords.latitude, position.coords.longitude, true);
      say('located');
    }, function () {
      say('failed');
    }, {enableHighAccuracy: true, timeout: 10000, maximumAge: 60000});
  }

  var useMine = document.getElementById('use-my-location');
  if (useMine) { useMine.addEventListener('click', locate); }
  if (mapEl && mapEl.dataset.placed !== 'true') {
    locate();
  } else if (latInput.value) {
    document.body.dispatchEvent(new Event('pinmoved'));
  }

  // --- typed address fallback ---------------------------------------------------------------------
  var find = document.getElementById('find-address');
  if (find) {
    find.addEventListener('click', function () {
      var address = document.getElementById('address').value;
      if (!address) { return; }
      fetch(find.dataset.url + '?address=' + encodeURIComponent(address), {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (found) {
          if (found.found) {
            place(found.lat, found.lon, true);
            if (status) { status.textContent = found.label; }
          } else {
            say('notFound');
          }
        });
    });
  }

  // --- photos ---------------------------------------------------------------------------------------
  var photos = document.getElementById('photos');
  var preview = document.getElementById('photo-preview');
  if (photos && preview) {
    photos.addEventListener('change', function () {
      preview.querySelectorAll('li.fresh').forEach(function (li) { li.remove(); });
      var kept = preview.querySelectorAll('li').length;
      var max = parseInt(photos.dataset.max, 10) || 9;
      if (kept + photos.files.length > max) {
        say('tooMany');
      }
      Array.prototype.forEach.call(photos.files, function (file) {
        var li = document.createElement('li');
        li.className = 'fresh';
        var img = document.createElement('img');
        img.alt = file.name;
        img.src = URL.createObjectURL(file);
        li.appendChild(img);
        preview.appendChild(li);
      });
    });
  }

  // --- category tree --------------------------------------------------------------------------------
  var code = document.getElementById('categoryCode');
  var name = document.getElementById('category-name');
  var picker = document.getElementById('category-picker');
  var noneText = name ? name.dataset.none : '';
  document.addEventListener('click', function (e) {
    var option = e.target.closest('.cat-option');
    if (option) {
      code.value = option.dataset.code || '';
      name.textContent = option.dataset.name || noneText;
      if (picker) { picker.open = false; }
      document.body.dispatchEvent(new Event('categorychosen'));
    }
    if (e.target.id === 'category-clear') {
      code.value = '';
      name.textContent = noneText;
      document.body.dispatchEvent(new Event('categorychosen'));
    }
  });

  // --- one submit per tap -----------------------------------------------------------------------------
  if (form) {
    form.addEventListener('submit', function () {
      var button = document.getElementById('submit-report');
      if (button) { setTimeout(function () { button.disabled = true; }, 0); }
    });
  }
})();
