// 数据看板: ECharts drawings of the figures in the tables beside them (the tables are the accessible view).
(function () {
  'use strict';
  if (!window.echarts) { return; }
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var l = document.getElementById('chart-labels').dataset;
  var colors = ['#1f5fbf', '#2e8b57', '#d99a00', '#c8322f', '#6b7a8f'];
  var charts = [];

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, {renderer: 'svg'});
    option.color = colors;
    option.animation = false;
    chart.setOption(option);
    el.dataset.rendered = 'true';
    charts.push(chart);
  }

  draw('chart-trend', {
    tooltip: {trigger: 'axis'}, legend: {data: [l.intake, l.closed], top: 0},
    grid: {left: 40, right: 16, top: 32, bottom: 28},
    xAxis: {type: 'category', data: data.trend.days}, yAxis: {type: 'value', minInterval: 1},
    series: [{name: l.intake, type: 'line', smooth: true, data: data.trend.intake, areaStyle: {opacity: 0.08}},
      {name: l.closed, type: 'line', smooth: true, data: data.trend.closed}]
  });

  function areaChart(id, rows) {
    draw(id, {
      tooltip: {trigger: 'axis'}, legend: {data: [l.open, l.overdue, l.onTime], top: 0},
      grid: {left: 40, right: 48, top: 32, bottom: 70},
      xAxis: {type: 'category', data: rows.names, axisLabel: {rotate: 35, interval: 0, fontSize: 11}},
      yAxis: [{type: 'value', minInterval: 1}, {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}}],
      series: [{name: l.open, type: 'bar', data: rows.open}, {name: l.overdue, type: 'bar', data: rows.overdue, itemStyle: {color: '#c8322f'}},
        {name: l.onTime, type: 'line', yAxisIndex: 1, data: rows.onTime, connectNulls: false, itemStyle: {color: '#2e8b57'}}]
    });
  }
  areaChart('chart-streets', data.streets);
  areaChart('chart-departments', data.departments);

  draw('chart-categories', {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, grid: {left: 120, right: 24, top: 8, bottom: 24},
    xAxis: {type: 'value', minInterval: 1},
    yAxis: {type: 'category', data: data.categories.names.slice().reverse(), axisLabel: {width: 110, overflow: 'truncate'}},
    series: [{name: l.intake, type: 'bar', data: data.categories.counts.slice().reverse()}]
  });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
