// A line chart of one series with uPlot, which is loaded (from the hub, /vendor/) only when a chart is first drawn,
// so the dashboard's first load does not carry it. Buckets' lowest and highest readings shade a band around the line.
let loading = null;

function loadUplot() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = '/vendor/uplot.css';
      document.head.append(style);
      const script = document.createElement('script');
      script.src = '/vendor/uplot.js';
      script.onload = () => resolve(window.uPlot);
      script.onerror = () => {
        loading = null;
        reject(new Error('the chart library could not be loaded'));
      };
      document.head.append(script);
    });
  }
  return loading;
}

const HEIGHT = 220;

// Draws points ({time, value, min?, max?}) into container, as wide as the container; returns the chart.
export async function lineChart(container, points, unit) {
  const uPlot = await loadUplot();
  const style = getComputedStyle(document.documentElement);
  const accent = style.getPropertyValue('--accent').trim() || '#0b6bcb';
  const muted = style.getPropertyValue('--muted').trim() || '#65676b';
  const data = [
    points.map((p) => Date.parse(p.time) / 1000),
    points.map((p) => p.value),
    points.map((p) => p.min ?? p.value),
    points.map((p) => p.max ?? p.value),
  ];
  const axis = { stroke: muted, grid: { stroke: 'rgba(128,128,128,.2)' }, ticks: { stroke: 'rgba(128,128,128,.3)' } };
  const label = (u, value) => (value == null ? '–' : value.toFixed(1) + (unit ? ' ' + unit : ''));
  const options = {
    width: Math.max(200, container.clientWidth),
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [axis, { ...axis, size: 50, values: (u, ticks) => ticks.map((t) => t.toFixed(1)) }],
    series: [
      {},
      { label: 'value', stroke: accent, width: 2, value: label, spanGaps: true, points: { show: false } },
      { label: 'low', stroke: 'transparent', points: { show: false }, spanGaps: true },
      { label: 'high', stroke: 'transparent', points: { show: false }, spanGaps: true },
    ],
    bands: [{ series: [3, 2], fill: 'rgba(128,128,128,.18)' }],
  };
  const chart = new uPlot(options, data, container);
  new ResizeObserver(() => {
    if (container.clientWidth) chart.setSize({ width: container.clientWidth, height: HEIGHT });
  }).observe(container);
  return chart;
}
