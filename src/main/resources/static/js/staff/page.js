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
// file inputs speak the page's language: the browser's own button says "Choose Files" whatever the page's language,
// so the input is hidden visually (still focusable, still the form's field) behind a button and the chosen names
function ywFileInputs() {
  var labels = document.body.dataset;
  if (!labels.fileChoose) { return; }
  document.querySelectorAll('input[type=file]:not(.visually-hidden):not([data-file-ui])').forEach(function (input) {
    input.setAttribute('data-file-ui', '');
    input.classList.add('file-native');
    var box = document.createElement('span');
    box.className = 'file-picker';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = labels.fileChoose;
    var names = document.createElement('span');
    names.className = 'file-names muted';
    names.textContent = labels.fileNone;
    button.addEventListener('click', function () { input.click(); });
    input.addEventListener('change', function () {
      var n = input.files ? input.files.length : 0;
      names.textContent = n === 0 ? labels.fileNone : n === 1 ? input.files[0].name : labels.fileMany.replace('{0}', n);
    });
    input.parentNode.insertBefore(box, input.nextSibling);
    box.appendChild(button);
    box.appendChild(names);
  });
}
document.addEventListener('DOMContentLoaded', ywFileInputs);
document.addEventListener('htmx:afterSettle', ywFileInputs);
// 疑似重复 / 热点 marks on the rows of a queue page, asked for once the page (or its htmx part) is drawn
function ywQueueMarks() {
  document.querySelectorAll('table[data-marks]:not([data-marked])').forEach(function (table) {
    table.setAttribute('data-marked', '');
    var rows = {};
    table.querySelectorAll('tr[data-order-id]').forEach(function (tr) { rows[tr.dataset.orderId] = tr; });
    var ids = Object.keys(rows);
    if (ids.length === 0) { return; }
    fetch(table.dataset.marks + '?ids=' + ids.join(','), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (marks) {
        marks.forEach(function (m) {
          var cell = rows[m.orderId] && rows[m.orderId].querySelector('td[data-col=number]');
          if (!cell) { return; }
          m.labels.forEach(function (label) {
            var tag = document.createElement('span');
            tag.className = 'tag tag-warn mark';
            tag.textContent = label;
            cell.appendChild(document.createTextNode(' '));
            cell.appendChild(tag);
          });
        });
      })
      .catch(function () { /* the marks are a hint: the queue works without them */ });
  });
}
document.addEventListener('DOMContentLoaded', ywQueueMarks);
document.addEventListener('htmx:afterSettle', ywQueueMarks);
