// Reports made without a network: the report form's fields and photos are kept on the phone (IndexedDB) under a
// fresh idempotency key, and sent when the phone is back online — the same key every time, so that a report sent
// twice (two tabs, a retry after a lost answer) is still one order.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  var status = document.getElementById('offline-status');
  if (!form || !window.indexedDB || !window.fetch) { return; }
  var DB = 'yiwang-offline';
  var STORE = 'reports';
  var flushing = false;

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, {keyPath: 'key'}); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : undefined); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }

  function all() { return tx('readonly', function (s) { return s.getAll(); }); }
  function put(item) { return tx('readwrite', function (s) { s.put(item); }); }
  function remove(key) { return tx('readwrite', function (s) { s.delete(key); }); }

  function say(text, kind) {
    if (status) {
      status.textContent = text;
      status.className = 'offline-status ' + (kind || '');
      status.hidden = false;
    }
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  // capture: before the form's own handler disables the button and the browser posts
  form.addEventListener('submit', function (e) {
    if (navigator.onLine) { return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    var fields = [];
    var photos = [];
    new FormData(form).forEach(function (value, name) {
      if (value instanceof Blob) {
        if (value.size > 0) { photos.push({blob: value, name: value.name || 'photo.jpg'}); }
      } else if (name !== 'requestId') {
        fields.push([name, value]);
      }
    });
    var key = newKey();
    fields.push(['requestId', key]);
    put({key: key, fields: fields, photos: photos, at: Date.now()}).then(function () {
      return all();
    }).then(function (queued) {
      say(status.dataset.queued.replace('{0}', queued.length), 'queued');
      // the place stays for the next report; what was said and shown goes with this one
      var description = document.getElementById('description');
      if (description) { description.value = ''; }
      var files = document.getElementById('photos');
      if (files) { files.value = ''; }
      var preview = document.getElementById('photo-preview');
      if (preview) { preview.innerHTML = ''; }
    }).catch(function () { say(status.dataset.failed, 'error'); });
  }, true);

  function flush() {
    if (flushing || !navigator.onLine) { return Promise.resolve(); }
    flushing = true;
    return all().then(function (queued) {
      return queued.reduce(function (previous, item) {
        return previous.then(function () { return send(item); });
      }, Promise.resolve());
    }).catch(function () { }).then(function () { flushing = false; });
  }

  function send(item) {
    var body = new FormData();
    item.fields.forEach(function (f) { body.append(f[0], f[1]); });
    item.photos.forEach(function (p) { body.append('photos', p.blob, p.name); });
    return fetch(form.getAttribute('action') || '/m/report', {method: 'POST', body: body, credentials: 'same-origin'})
      .then(function (response) {
        var receipt = /\/m\/reports\/(\d+)\/receipt/.exec(response.url);
        if (response.ok && receipt) {
          return remove(item.key).then(function () {
            say(status.dataset.sent, 'sent');
            var link = document.createElement('a');
            link.href = '/m/reports/' + receipt[1] + '/receipt';
            link.textContent = status.dataset.receipt;
            link.className = 'sent-receipt';
            status.appendChild(document.createTextNode(' '));
            status.appendChild(link);
          });
        }
        if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403) {
          // refused as it is (e.g. a place outside the service area): kept, and said, for the resident to redo
          say(status.dataset.refused, 'error');
        }
      }, function () { /* the network went away again: tried on the next 'online' */ });
  }

  window.addEventListener('online', flush);
  all().then(function (queued) {
    if (queued.length) { say(status.dataset.queued.replace('{0}', queued.length), 'queued'); }
    return flush();
  }).catch(function () { });
})();
