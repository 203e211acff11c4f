// Installable phone pages: the service worker for /m/ (where the browser offers it).
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/m/sw.js', {scope: '/m/'}).catch(function () { });
  });
}
