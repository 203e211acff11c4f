// 巡查: follows the phone's position while a patrol runs, keeps every point in localStorage (numbered per
// patrol, so that a batch sent twice is stored once) and sends them in batches — at once when online, later
// when the connection comes back. The server refuses points from the future and says which it already had.
(function () {
  'use strict';
  var page = document.getElementById('patrol-page');
  if (!page) { return; }
  var api = page.dataset.api;
  var maxBatch = Math.min(parseInt(page.dataset.maxBatch, 10) || 200, 200);
  var startButton = document.getElementById('patrol-start');
  var stopButton = document.getElementById('patrol-stop');
  var status = document.getElementById('patrol-status');
  var message = document.getElementById('geo-message');
  var pendingView = document.getElementById('points-pending');
  var sentView = document.getElementById('points-sent');
  var watch = null;
  var sending = false;
  var patrolId = page.dataset.patrolId ? parseInt(page.dataset.patrolId, 10) : null;

  function headers() {
    var h = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  function key(id, what) { return 'yiwang.patrol.' + id + '.' + what; }
  function load(id, what, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key(id, what))); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function save(id, what, value) { localStorage.setItem(key(id, what), JSON.stringify(value)); }

  function show() {
    if (patrolId === null) { pendingView.textContent = '0'; return; }
    pendingView.textContent = String(load(patrolId, 'queue', []).length);
    sentView.textContent = String(load(patrolId, 'sent', 0));
  }

  function record(position) {
    if (patrolId === null) { return; }
    var lat = document.getElementById('finding-lat');
    var lon = document.getElementById('finding-lon');
    if (lat && lon) { lat.value = String(position.coords.latitude); lon.value = String(position.coords.longitude); }
    var seq = load(patrolId, 'seq', 0) + 1;
    save(patrolId, 'seq', seq);
    var queue = load(patrolId, 'queue', []);
    queue.push({seq: seq, at: Math.round(position.timestamp), lat: position.coords.latitude,
      lon: position.coords.longitude, accuracy: position.coords.accuracy});
    save(patrolId, 'queue', queue);
    show();
    if (queue.length >= 5) { send(patrolId); }
  }

  // Sends what is queued for a patrol; what the server answered for (stored, duplicate or refused) is forgotten.
  function send(id) {
    if (sending || !navigator.onLine) {
      if (!navigator.onLine) { message.textContent = page.dataset.msgOffline; }
      return Promise.resolve();
    }
    var queue = load(id, 'queue', []);
    if (queue.length === 0) { return Promise.resolve(); }
    var batch = queue.slice(0, maxBatch);
    sending = true;
    return fetch(api + '/' + id + '/points', {method: 'POST', credentials: 'same-origin', headers: headers(),
      body: JSON.stringify({points: batch})})
      .then(function (response) {
        if (response.ok || response.status === 400 || response.status === 404) {
          var done = {};
          batch.forEach(function (p) { done[p.seq] = true; });
          save(id, 'queue', load(id, 'queue', []).filter(function (p) { return !done[p.seq]; }));
          if (response.ok) { save(id, 'sent', load(id, 'sent', 0) + batch.length); }
          message.textContent = '';
        }
      })
      .catch(function () { message.textContent = page.dataset.msgOffline; })
      .then(function () { sending = false; show(); });
  }

  function follow() {
    if (!('geolocation' in navigator)) { message.textContent = page.dataset.msgNoGeo; return; }
    watch = navigator.geolocation.watchPosition(record, function (error) {
      message.textContent = error.code === 1 ? page.dataset.msgDenied : error.message;
    }, {enableHighAccuracy: true, maximumAge: 10000, timeout: 60000});
  }

  function running(patrol) {
    patrolId = patrol.id;
    localStorage.setItem('yiwang.patrol.current', String(patrol.id));
    startButton.hidden = true;
    stopButton.hidden = false;
    follow();
    show();
  }

  startButton.addEventListener('click', function () {
    startButton.disabled = true;
    fetch(api, {method: 'POST', credentials: 'same-origin', headers: headers()})
      .then(function (r) { return r.ok ? r.json() : r.json().then(function (p) { throw new Error(p.detail || r.status); }); })
      .then(function (patrol) { window.location.reload(); return patrol; })
      .catch(function (e) { message.textContent = e.message; startButton.disabled = false; });
  });

  stopButton.addEventListener('click', function () {
    var id = patrolId;
    stopButton.disabled = true;
    if (watch !== null) { navigator.geolocation.clearWatch(watch); watch = null; }
    send(id).then(function () {
      return fetch(api + '/' + id + '/stop', {method: 'POST', credentials: 'same-origin', headers: headers()});
    }).then(function () { window.location.reload(); })
      .catch(function (e) { message.textContent = e.message; stopButton.disabled = false; });
  });

  // points of earlier patrols that never got through are sent whenever the page is open and online
  function sendLeftovers() {
    for (var i = 0; i < localStorage.length; i++) {
      var k = localStorage.key(i);
      var m = /^yiwang\.patrol\.(\d+)\.queue$/.exec(k || '');
      if (m && parseInt(m[1], 10) !== patrolId) { send(parseInt(m[1], 10)); }
    }
  }

  window.addEventListener('online', function () { message.textContent = ''; if (patrolId !== null) { send(patrolId); } sendLeftovers(); });
  setInterval(function () { if (patrolId !== null) { send(patrolId); } sendLeftovers(); }, 30000);
  if (patrolId !== null) { running({id: patrolId}); }
  sendLeftovers();
  show();
})();
