// Draws each chart of the bulletin from the options the page carries (published values only).
(function () {
  'use strict';
  var options = JSON.parse(document.getElementById('chart-options').textContent);
  Object.keys(options).forEach(function (id) {
    var element = document.getElementById(id);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(options[id]);
    window.addEventListener('beforeprint', function () { chart.resize(); });
  });
  document.body.setAttribute('data-charts-drawn', String(Object.keys(options).length));
})();
