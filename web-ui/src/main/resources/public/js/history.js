// The history screen: pick a topic's numeric field and see it over the last 24 hours and the last 7 days.
import { api, explain } from './api.js';
import { lineChart } from './chart.js';
import { UNITS } from './dashboard.js';
import { el, replace, timeOf } from './dom.js';

const HOUR = 3600 * 1000;
const RANGES = [
  { id: 'day', label: 'Last 24 hours', millis: 24 * HOUR },
  { id: 'week', label: 'Last 7 days', millis: 7 * 24 * HOUR },
];
// Temperatures first: what most people open the history for.
const PREFERRED_FIELD = 'temperature';

export async function showHistory(view) {
  const series = await api('GET', '/api/history/topics');
  if (!series.length) {
    replace(view, el('h1', {}, 'History'), el('p', { class: 'muted', id: 'history-empty' },
      'Nothing recorded yet. Numbers published to topics under the base topic appear here.'));
    return;
  }
  const charts = el('div', { class: 'stack', id: 'history-charts' });
  const picker = el('select', { id: 'history-series', 'aria-label': 'topic and field',
    onchange: () => draw(charts, series[Number(picker.value)]) },
  ...series.map((s, i) => el('option', { value: String(i) }, s.topic + ' · ' + s.field)));
  const first = Math.max(0, series.findIndex((s) => s.field === PREFERRED_FIELD));
  picker.value = String(first);
  replace(view, el('h1', {}, 'History'), el('label', { class: 'picker' }, 'Show ', picker), charts);
  await draw(charts, series[first]);
}

async function draw(charts, series) {
  const unit = UNITS[series.field] || '';
  const cards = RANGES.map((range) => chartCard(series, range, unit));
  replace(charts, ...cards.map((card) => card.node));
  await Promise.all(cards.map((card) => card.load()));
}

function chartCard(series, range, unit) {
  const plot = el('div', { class: 'plot' });
  const summary = el('p', { class: 'muted small summary' }, 'Loading…');
  const node = el('section', { class: 'card chart', 'data-range': range.id, 'data-topic': series.topic },
    el('h2', {}, range.label), plot, summary);
  async function load() {
    const to = new Date();
    const from = new Date(to.getTime() - range.millis);
    const query = new URLSearchParams({ topic: series.topic, field: series.field,
      from: from.toISOString(), to: to.toISOString() });
    try {
      const answer = await api('GET', '/api/history?' + query);
      node.dataset.points = String(answer.points.length);
      if (!answer.points.length) {
        replace(summary, 'No readings in this time.');
        return;
      }
      await lineChart(plot, answer.points, unit);
      replace(summary, describe(series, answer.points, unit));
    } catch (e) {
      replace(summary, el('span', { class: 'error', role: 'alert' }, explain(e)));
    }
  }
  return { node, load };
}

// "latest 21.4 °C (10:42:07) · low 17.9 °C · high 23.0 °C", low and high over every reading in the range.
function describe(series, points, unit) {
  const low = Math.min(...points.map((p) => p.min ?? p.value));
  const high = Math.max(...points.map((p) => p.max ?? p.value));
  const show = (value) => value.toFixed(1) + (unit ? ' ' + unit : '');
  return 'latest ' + show(series.lastValue) + ' (' + timeOf(series.lastTime) + ') · low ' + show(low)
    + ' · high ' + show(high);
}
