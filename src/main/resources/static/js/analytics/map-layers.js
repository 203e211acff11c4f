// The layers from other modules that both the 一张图 (command-map.js) and the big screen (screen.js) draw: likely duplicates
// (疑似重复, the sorter's pairs), joint-enforcement cases (联合执法) and campaign records (专项行动登记). Each draw function
// fills a Leaflet layer group from the API's answer; options: labels (the map element's data-* labels), popups (false on a
// wall screen: nobody clicks there) and px (a badge's size in CSS pixels from its size at 16 px per rem).
(function () {
  'use strict';

  function getJson(url) {
    return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; });
  }
  // data-stage-filed → dataset.stageFiled: the label of an enum name
  function key(prefix, name) { return prefix + name.charAt(0) + name.slice(1).toLowerCase(); }
  function link(href, label) { var a = document.createElement('a'); a.href = href; a.textContent = label; return a; }
  function line(box, text) { var d = document.createElement('div'); d.textContent = text; box.appendChild(d); return d; }
  function sizer(o) { return o.px || function (n) { return n; }; }
  function badge(className, html, size, anchorX, anchorY) {
    return L.divIcon({className: className, html: html, iconSize: [size, size], iconAnchor: [anchorX, anchorY]});
  }
  function withPopup(layer, o, box) { return o.popups === false ? layer : layer.bindPopup(box()); }

  /** 疑似重复: a dashed line between the two orders and a badge between them. */
  function drawDuplicates(group, pairs, o) {
    var labels = o.labels, px = sizer(o);
    group.clearLayers();
    (pairs || []).forEach(function (p) {
      if (!p.order || !p.candidate || !isFinite(p.order.lat) || !isFinite(p.candidate.lat)) { return; }
      var a = L.latLng(p.order.lat, p.order.lon), b = L.latLng(p.candidate.lat, p.candidate.lon);
      var box = function () {
        var div = document.createElement('div');
        div.className = 'map-popup duplicate-popup';
        line(div, labels.duplicateLabel + ' · ' + Math.round(p.score * 100) + '% · ' + Math.round(p.distanceMeters) + ' m');
        [p.order, p.candidate].forEach(function (x) { var d = line(div, ''); d.appendChild(link('/work-orders/' + x.id, x.number)); });
        var review = line(div, '');
        review.appendChild(link('/work-orders/' + p.order.id + '#duplicates', labels.duplicateReview));
        return div;
      };
      var shared = o.popups === false ? null : box();
      var once = function () { return shared; };
      withPopup(L.polyline([a, b], {className: 'yw-duplicate-line', weight: 3, opacity: 0.9, interactive: o.popups !== false}), o, once).addTo(group);
      var s = px(24);
      withPopup(L.marker(L.latLng((a.lat + b.lat) / 2, (a.lng + b.lng) / 2), {keyboard: false, title: labels.duplicateLabel, zIndexOffset: 900,
        interactive: o.popups !== false,
        icon: badge('yw-duplicate', '<span>' + labels.duplicateShort + '</span>', s, s / 2, s / 2)}), o, once).addTo(group);
    });
  }
  /** Number of duplicate pairs a group holds (each pair is one line and one badge). */
  function duplicatePairs(group) {
    return group.getLayers().filter(function (l) { return l instanceof L.Polyline; }).length;
  }

  /** 联合执法案件: a badge by stage, coloured by the worst arrival light of the summoned departments. */
  function drawCases(group, list, o) {
    var labels = o.labels, px = sizer(o);
    group.clearLayers();
    (list || []).forEach(function (c) {
      if (!isFinite(c.lat) || !isFinite(c.lon)) { return; }
      var stage = labels[key('stage', c.stage)] || c.stage;
      var s = px(26);
      withPopup(L.marker([c.lat, c.lon], {keyboard: false, title: c.number, zIndexOffset: 950, interactive: o.popups !== false,
        icon: badge('yw-case l-' + (c.light || 'NONE'), '<span>' + stage.charAt(0) + '</span>', s, s / 2, s / 2)}), o, function () {
        var box = document.createElement('div');
        box.className = 'map-popup';
        box.appendChild(link('/enforcement/cases/' + c.id, c.number + ' · ' + c.title));
        line(box, stage + ' · ' + labels.caseArrived.replace('{0}', c.arrived).replace('{1}', c.summoned)
          + (c.light ? ' · ' + (labels[key('light', c.light)] || c.light) : ''));
        if (c.orderId) { var d = line(box, ''); d.appendChild(link('/work-orders/' + c.orderId, labels.caseOrder)); }
        return box;
      }).addTo(group);
    });
  }

  /** The active campaigns with their per-grid colour counts (and records, when a popup will list them). */
  function loadCampaigns(url, withRecords) {
    return getJson(url).then(function (list) {
      var active = (list || []).filter(function (c) { return c.active; });
      return Promise.all(active.map(function (c) {
        var base = url + '/' + encodeURIComponent(c.code);
        return Promise.all([getJson(base + '/map'), withRecords ? getJson(base + '/records') : Promise.resolve([])])
          .then(function (r) { return {campaign: c, grids: r[0], records: r[1]}; });
      }));
    });
  }
  /** 专项行动登记: per campaign and grid a badge coloured by its worst record with the count; campaigns in one grid side by side. */
  function drawCampaigns(group, all, o) {
    var labels = o.labels, px = sizer(o);
    var zh = (document.documentElement.lang || 'zh').indexOf('zh') === 0;
    group.clearLayers();
    (all || []).forEach(function (one, index) {
      var name = zh ? one.campaign.nameZh : one.campaign.nameEn;
      (one.grids || []).forEach(function (g) {
        var n = g.red + g.yellow + g.green;
        if (!n || !isFinite(g.lat)) { return; }
        var worst = g.red > 0 ? 'RED' : g.yellow > 0 ? 'YELLOW' : 'GREEN';
        var s = px(24);
        withPopup(L.marker([g.lat, g.lon], {keyboard: false, title: name, zIndexOffset: 800, interactive: o.popups !== false,
          icon: badge('yw-campaign c-' + worst, '<span>' + n + '</span>', s, s / 2 - px(28) * index, px(30))}), o, function () {
          var box = document.createElement('div');
          box.className = 'map-popup campaign-popup';
          box.appendChild(link('/enforcement/campaigns/' + encodeURIComponent(one.campaign.code), name));
          line(box, g.gridName + ' · ' + labels.colourRed + ' ' + g.red + ' · ' + labels.colourYellow + ' ' + g.yellow + ' · ' + labels.colourGreen + ' ' + g.green);
          (one.records || []).filter(function (r) { return r.gridCode === g.gridCode; }).slice(0, 8).forEach(function (r) {
            var d = line(box, '');
            var dot = document.createElement('span');
            dot.className = 'dot c-' + r.colour;
            d.appendChild(dot);
            d.appendChild(link('/enforcement/campaigns/' + encodeURIComponent(one.campaign.code) + '#record-' + r.id,
              r.subject + ' · ' + (labels[key('colour', r.colour)] || r.colour)));
          });
          return box;
        }).addTo(group);
      });
    });
  }

  window.YiwangMapLayers = {
    getJson: getJson, link: link, line: line,
    drawDuplicates: drawDuplicates, duplicatePairs: duplicatePairs,
    drawCases: drawCases,
    loadCampaigns: loadCampaigns, drawCampaigns: drawCampaigns
  };
})();
