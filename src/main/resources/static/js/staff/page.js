// Page behaviour without inline scripts (the Content-Security-Policy allows scripts from this server only).
// htmx requests carry the CSRF token of the page (forms also carry it as a hidden field)
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]'), header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { event.detail.headers[header.content] = token.content; }
});
// a filter that applies as soon as it changes
document.addEventListener('change', function (event) {
  var field = event.target.closest && event.target.closest('[data-submit-on-change]');
  if (field && field.form) { field.form.requestSubmit(); }
});
// a one-time secret is selected for copying
document.addEventListener('focusin', function (event) {
  if (event.target.matches && event.target.matches('[data-select-on-focus]')) { event.target.select(); }
});
// a suggested category picks itself in the category list
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('.suggested-category[data-code]');
  if (!button) { return; }
  var select = document.getElementById('categoryCode');
  if (select && select.querySelector('option[value="' + CSS.escape(button.dataset.code) + '"]')) { select.value = button.dataset.code; }
});
