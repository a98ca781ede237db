// One tile per device (and per other state topic seen live), with its value, unit, last update and control.
import { api, explain } from './api.js';
import { el, replace, timeOf } from './dom.js';

export const UNITS = { temperature: '°C', humidity: '%', pressure: 'hPa', brightness: '%' };
const NUMERIC_FIRST = ['temperature', 'humidity', 'pressure'];
// What the thermostat accepts (devices module, SetPoint): half degrees from 5 to 30 °C.
const SETPOINT = { min: 5, max: 30, step: 0.5 };

export class Dashboard {
  constructor(view) {
    this.view = view;
    this.tiles = new Map();
    this.grid = el('section', { class: 'grid', id: 'tiles' });
  }

  async show() {
    replace(this.view, el('h1', {}, 'Devices'), this.grid);
    await this.reload();
    // When the tiles first stand, for the first-render budget (read by the browser tests).
    if (!performance.getEntriesByName('roost-tiles').length) performance.mark('roost-tiles');
  }

  // Called on first show and on every live (re)connect, so nothing missed while away stays missing.
  async reload() {
    const devices = await api('GET', '/api/devices');
    for (const device of devices) this.tile(device.id, device).update(device);
  }

  tile(key, device) {
    let tile = this.tiles.get(key);
    if (!tile) {
      tile = new Tile(key, device);
      this.tiles.set(key, tile);
      this.grid.append(tile.node);
    }
    return tile;
  }

  // A live MQTT message: home/<id> is a device's state, home/<id>/availability its presence.
  onMessage({ topic, payload, at }) {
    const parts = topic.split('/');
    if (parts.length === 2 && this.tiles.has(parts[1])) {
      const tile = this.tiles.get(parts[1]);
      tile.update({ state: { ...tile.device.state, ...parseState(payload) }, lastSeen: at });
    } else if (parts.length === 3 && parts[2] === 'availability' && this.tiles.has(parts[1])) {
      this.tiles.get(parts[1]).update({ online: payload === 'online', lastSeen: at });
    } else if (!topic.endsWith('/set') && !topic.endsWith('/availability') && !topic.includes('/config')) {
      this.tile('topic:' + topic, { id: topic, name: topic, type: 'topic', state: {} })
        .update({ state: parseState(payload), lastSeen: at, online: true });
    }
  }
}

function parseState(payload) {
  try {
    const value = JSON.parse(payload);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    return { value };
  } catch {
    return { value: payload };
  }
}

class Tile {
  constructor(key, device) {
    this.device = { online: true, ...device };
    this.value = el('p', { class: 'value' });
    this.updated = el('p', { class: 'muted small' });
    this.error = el('p', { class: 'error small', role: 'alert' });
    this.control = el('div', { class: 'control' });
    this.node = el('article', { class: 'tile', 'data-device': device.id },
      el('h2', {}, device.name || device.id), el('p', { class: 'muted small' }, device.id),
      this.value, this.updated, this.control, this.error);
    this.controlKind = null;
  }

  update(change) {
    this.device = { ...this.device, ...change };
    const { state, online, lastSeen } = this.device;
    replace(this.value, describe(state || {}));
    replace(this.updated, (online === false ? 'offline · ' : '') + 'updated ' + timeOf(lastSeen));
    this.node.classList.toggle('offline', online === false);
    this.renderControl(state || {});
  }

  renderControl(state) {
    const kind = controlKind(this.device.type, state) + (typeof state.setpoint === 'number' ? '+setpoint' : '');
    if (kind !== this.controlKind) {
      this.controlKind = kind;
      replace(this.control, ...this.buildControl(kind));
    }
    if (this.toggle) this.toggle.checked = state.state === 'ON';
    if (this.slider && document.activeElement !== this.slider) this.slider.value = state.brightness ?? 0;
    if (this.lockButton) {
      replace(this.lockButton, state.state === 'LOCKED' ? 'Unlock' : 'Lock');
      this.confirmBox.hidden = true;
    }
    if (this.setpointShown) {
      if (this.wantedSetpoint === state.setpoint) this.wantedSetpoint = null;
      replace(this.setpointShown, (this.wantedSetpoint ?? state.setpoint).toFixed(1) + ' °C');
    }
  }

  buildControl(kind) {
    this.toggle = this.slider = this.lockButton = this.confirmBox = this.setpointShown = null;
    const [base, extra] = kind.split('+');
    const parts = base === 'lock' ? this.buildLock() : this.buildSwitch(base);
    if (extra === 'setpoint') parts.push(this.buildSetpoint());
    return parts;
  }

  buildSwitch(kind) {
    if (kind !== 'switch' && kind !== 'dimmer') return [];
    this.toggle = el('input', { type: 'checkbox', role: 'switch', class: 'switch',
      'aria-label': 'on/off', onchange: () => this.send({ state: this.toggle.checked ? 'ON' : 'OFF' }) });
    const parts = [el('label', { class: 'switch-row' }, this.toggle, 'On')];
    if (kind === 'dimmer') {
      this.slider = el('input', { type: 'range', min: '0', max: '100', step: '1', class: 'slider',
        'aria-label': 'brightness', onchange: () => this.send({ brightness: Number(this.slider.value) }) });
      parts.push(this.slider);
    }
    return parts;
  }

  // Half a degree a press; quick presses add up, as the number shown is the one last asked for.
  buildSetpoint() {
    const step = (delta) => {
      const from = this.wantedSetpoint ?? this.device.state.setpoint;
      this.wantedSetpoint = Math.min(SETPOINT.max, Math.max(SETPOINT.min, from + delta));
      this.renderControl(this.device.state);
      this.send({ setpoint: this.wantedSetpoint });
    };
    this.setpointShown = el('output', { class: 'setpoint-value', 'aria-label': 'set point' });
    return el('div', { class: 'setpoint' }, el('span', { class: 'small muted' }, 'Set point'),
      el('button', { type: 'button', class: 'step lower', 'aria-label': 'lower the set point',
        onclick: () => step(-SETPOINT.step) }, '−'),
      this.setpointShown,
      el('button', { type: 'button', class: 'step raise', 'aria-label': 'raise the set point',
        onclick: () => step(SETPOINT.step) }, '+'));
  }

  // Opening the door is a deliberate act: the first press only asks.
  buildLock() {
    this.lockButton = el('button', { type: 'button', class: 'lock', onclick: () => {
      this.confirmWord = this.device.state.state === 'LOCKED' ? 'UNLOCK' : 'LOCK';
      replace(this.confirmText, this.confirmWord === 'UNLOCK' ? 'Really unlock the door?' : 'Lock the door?');
      this.confirmBox.hidden = false;
    } });
    this.confirmText = el('span');
    this.confirmBox = el('div', { class: 'confirm', hidden: true }, this.confirmText,
      el('button', { type: 'button', class: 'confirm-yes', onclick: () => this.send({ state: this.confirmWord }) },
        'Yes'),
      el('button', { type: 'button', class: 'link', onclick: () => { this.confirmBox.hidden = true; } }, 'No'));
    return [this.lockButton, this.confirmBox];
  }

  async send(command) {
    replace(this.error);
    try {
      const device = await api('POST', '/api/devices/' + encodeURIComponent(this.device.id) + '/command', command);
      if (device.state) this.update(device);
    } catch (e) {
      replace(this.error, explain(e));
      this.wantedSetpoint = null;
      this.update({});
    }
  }
}

function controlKind(type, state) {
  if (type === 'pwm') return 'dimmer';
  if (type === 'digital-out') return state.state === 'LOCKED' || state.state === 'UNLOCKED' ? 'lock' : 'switch';
  return 'none';
}

function describe(state) {
  const numeric = NUMERIC_FIRST.filter((key) => typeof state[key] === 'number');
  if (numeric.length) return numeric.map((key) => format(key, state[key])).join(' · ');
  const words = [];
  if (state.state !== undefined) words.push(String(state.state));
  if (typeof state.brightness === 'number' && state.state !== 'OFF') words.push(format('brightness', state.brightness));
  if (state.value !== undefined) words.push(String(state.value));
  if (!words.length) {
    const keys = Object.keys(state);
    return keys.length ? keys.map((key) => key + ' ' + JSON.stringify(state[key])).join(' · ') : '–';
  }
  return words.join(' · ');
}

function format(key, value) {
  return (Number.isInteger(value) ? value : value.toFixed(1)) + ' ' + (UNITS[key] || '');
}
