// The settings screen: where the hub is (latitude, longitude, time zone) for sunrise and sunset. Admins change it;
// everyone else sees it.
import { api, explain } from './api.js';
import { el, replace } from './dom.js';

const SOURCES = {
  settings: 'Saved here; it overrides the config file.',
  config: 'From the config file (location:). Saving here overrides it.',
  default: 'Not set: sunrise and sunset are computed for Greenwich. Enter where your home is.',
};

export async function showSettings(view) {
  const [session, location] = await Promise.all([api('GET', '/api/session'), api('GET', '/api/settings/location')]);
  const editable = session.admin;
  const latitude = number('latitude', location.latitude, -90, 90, editable);
  const longitude = number('longitude', location.longitude, -180, 180, editable);
  const zone = el('input', { id: 'time-zone', value: location.timeZone, list: 'time-zones', autocomplete: 'off',
    disabled: !editable });
  const source = el('p', { class: 'muted small', id: 'location-source' }, SOURCES[location.source] || '');
  const status = el('p', { class: 'small', id: 'location-status', role: 'status' });
  const form = el('form', { class: 'card stack', id: 'location-form', onsubmit: async (event) => {
    event.preventDefault();
    replace(status);
    try {
      const saved = await api('PUT', '/api/settings/location', {
        latitude: Number(latitude.value), longitude: Number(longitude.value), timeZone: zone.value.trim() });
      replace(source, SOURCES[saved.source] || '');
      replace(status, el('span', { class: 'ok' }, 'Saved. Sunrise and sunset rules now follow it.'));
    } catch (e) {
      replace(status, el('span', { class: 'error', role: 'alert' }, explain(e)));
    }
  } },
  el('h2', {}, 'Location'),
  el('p', { class: 'muted small' }, 'For rules that run at sunrise or sunset, and the time zone of schedules.'),
  el('label', { for: 'latitude' }, 'Latitude (−90 to 90, north is positive)'), latitude,
  el('label', { for: 'longitude' }, 'Longitude (−180 to 180, east is positive)'), longitude,
  el('label', { for: 'time-zone' }, 'Time zone'), zone, zoneList(),
  editable ? el('div', { class: 'row' },
    el('button', { type: 'submit', id: 'location-save' }, 'Save'),
    el('button', { type: 'button', class: 'link', onclick: () => { zone.value = phoneZone(); } },
      'Use this phone\'s time zone'))
    : el('p', { class: 'muted small' }, 'Only an admin can change it.'),
  source, status);
  replace(view, el('h1', {}, 'Settings'), form);
}

function number(id, value, min, max, editable) {
  return el('input', { id, type: 'number', inputmode: 'decimal', step: 'any', min: String(min), max: String(max),
    value: String(value), required: true, disabled: !editable });
}

function phoneZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
}

// Suggestions as one types; the hub checks the name.
function zoneList() {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return el('datalist', { id: 'time-zones' }, ...zones.map((name) => el('option', { value: name })));
}
