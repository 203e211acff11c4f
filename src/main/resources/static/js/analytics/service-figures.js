// 一网通办 figures on the command centre (the big screen's panel and the dashboard's card): today's and this month's
// applications and this month's 即办率, 不见面办件 (online + at the door), on-time rate, waiting time at the window, 满意率
// (好差评) and share handled at community level, from the services module's GET /api/services/figures. Analytics does not
// depend on that module: the page asks its API, and the box stays hidden when the reader may not see the figures (403) or
// the module is not there (404).
(function () {
  'use strict';

  function beijingDay(date) { return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().substring(0, 10); }
  function get(url) {
    return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }
  function pct(rate, whole) { return whole > 0 ? (Math.round(rate * 1000) / 10) + '%' : '—'; }
  function channel(set, name) {
    var c = (set.byChannel || []).filter(function (x) { return x.key === name; })[0];
    return c ? c.count : 0;
  }
  /** The figures the box shows, by the name in its elements' data-service-figure. */
  function figures(today, month) {
    var lang = (document.documentElement.lang || 'zh').indexOf('zh') === 0 ? 'zh-CN' : 'en';
    var n = function (x) { return Number(x).toLocaleString(lang); };
    return {
      todayApplications: n(today.applications),
      monthApplications: n(month.applications),
      immediateRate: pct(month.immediateRate, month.applications),
      remote: n(channel(month, 'ONLINE') + channel(month, 'DOOR')),
      onTimeRate: pct(month.onTimeRate, month.ended),
      averageWait: month.averageWaitMinutes > 0 ? n(month.averageWaitMinutes) : '—',
      satisfactionRate: pct(month.satisfactionRate, month.rated),
      communityShare: pct(month.communityShare, month.approved)
    };
  }
  function load(box) {
    if (!box || !box.dataset.url) { return Promise.resolve(null); }
    var day = beijingDay(new Date());
    var url = box.dataset.url;
    return Promise.all([get(url + '?from=' + day + '&to=' + day), get(url + '?from=' + day.substring(0, 8) + '01&to=' + day)])
      .then(function (both) {
        if (!both[0] || !both[1]) { box.hidden = true; return null; }
        var shown = figures(both[0], both[1]);
        Array.prototype.forEach.call(box.querySelectorAll('[data-service-figure]'), function (e) {
          e.textContent = shown[e.dataset.serviceFigure];
        });
        box.hidden = false;
        box.dataset.loaded = 'true';
        return shown;
      });
  }
  window.YiwangServiceFigures = {load: load};
  // the dashboard's card loads once; the big screen calls load itself with its snapshots
  var card = document.getElementById('service-figures-card');
  if (card) { load(card); }
})();
