// The phone pages' service worker (scope /m/): keeps the report form and what it needs in a cache so that it
// opens without a network; pages come from the network first and from the cache only when offline. Reports made
// offline are queued by the page itself (IndexedDB, js/mobile/offline.js) and sent when the phone is back online.
'use strict';
var CACHE = 'yiwang-m-v1';
var SHELL = ['/m/report', '/css/yiwang.css', '/css/mobile.css', '/js/mobile/report.js', '/js/mobile/offline.js',
  '/js/mobile/csrf.js', '/js/mobile/a11y.js', '/js/mobile/pwa.js', '/webjars/htmx.org/dist/htmx.min.js',
  '/webjars/leaflet/dist/leaflet.js', '/webjars/leaflet/dist/leaflet.css', '/m/icons/icon-192.png'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // one missing file must not keep the others out
    return Promise.all(SHELL.map(function (url) {
      return fetch(url, {credentials: 'same-origin'}).then(function (response) {
        // a redirect (to the sign-in page) is not the page asked for
        if (response.ok && !response.redirected) { return cache.put(url, response); }
      }).catch(function () { });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return; // posts go to the network; the page queues them when there is none
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // network first; a fresh copy of the form is kept for the next time there is no network
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && url.pathname === '/m/report' && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put('/m/report', copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (hit) { return hit || caches.match('/m/report'); });
    }));
    return;
  }
  var shell = SHELL.indexOf(url.pathname) >= 0 || url.pathname.indexOf('/webjars/') === 0;
  if (shell) {
    // cached first, refreshed in the background
    event.respondWith(caches.match(url.pathname).then(function (hit) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
        }
        return response;
      });
      return hit || fresh;
    }));
  }
});
