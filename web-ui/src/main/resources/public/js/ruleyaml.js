// The rule form's model and YAML, both ways: the form's rule written as the YAML the hub reads (rules module,
// model package), and a rule document (as the hub read it, a JSON tree) turned back into the form's model when it
// fits the form. Values stay the strings typed; the hub checks them and names the field at fault.

const DURATION = /^-?(\d+(ms|[dhms]))+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
// Words YAML reads as something other than text.
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const TOP_KEYS = ['id', 'name', 'enabled', 'when', 'if', 'for', 'then', 'mode'];

export function newRule() {
  return { id: 'my-rule', name: 'My rule', enabled: true,
    trigger: { kind: 'topic', topic: 'home/front-door', changes: false, field: '', direction: 'below', value: '',
      hysteresis: '', cron: '', sun: 'sunset', offset: '' },
    condition: '', forDuration: '', mode: 'single',
    actions: [{ kind: 'publish', topic: 'home/smart-lights/set', payload: '{"state":"ON"}', qos: '0', retain: false }] };
}

export function toYaml(rule) {
  const lines = ['id: ' + scalar(rule.id)];
  if (rule.name) lines.push('name: ' + scalar(rule.name));
  if (rule.enabled === false) lines.push('enabled: false');
  lines.push('when: ' + flow(triggerEntries(rule.trigger)));
  if (rule.condition) lines.push('if: ' + scalar(rule.condition));
  if (rule.forDuration) lines.push('for: ' + duration(rule.forDuration));
  if (!rule.actions.length) lines.push('then: []');
  else lines.push('then:', ...rule.actions.map((action) => '  - ' + actionYaml(action)));
  if (rule.mode && rule.mode !== 'single') lines.push('mode: ' + scalar(rule.mode));
  return lines.join('\n') + '\n';
}

function triggerEntries(t) {
  if (t.kind === 'cron') return [['cron', scalar(t.cron)]];
  if (t.kind === 'sun') return [['sun', scalar(t.sun)], t.offset ? ['offset', duration(t.offset)] : null];
  if (t.kind === 'threshold') {
    return [['topic', scalar(t.topic)], [t.direction, number(t.value)],
      t.hysteresis ? ['hysteresis', number(t.hysteresis)] : null, t.field ? ['field', scalar(t.field)] : null];
  }
  return [['topic', scalar(t.topic)], t.changes ? ['changes', 'true'] : null];
}

function actionYaml(a) {
  if (a.kind === 'delay') return 'delay: ' + duration(a.duration);
  if (a.kind === 'log') return 'log: ' + scalar(a.message);
  if (a.kind === 'set') return 'set: ' + flow([['var', scalar(a.var)], ['value', scalar(a.value)]]);
  return 'publish: ' + flow([['topic', scalar(a.topic)], a.payload ? ['payload', scalar(a.payload)] : null,
    a.qos && a.qos !== '0' ? ['qos', number(a.qos)] : null, a.retain ? ['retain', 'true'] : null]);
}

function flow(entries) {
  return '{ ' + entries.filter(Boolean).map(([key, value]) => key + ': ' + value).join(', ') + ' }';
}

// Plain where YAML reads it back as the same text, quoted otherwise.
function scalar(value) {
  const text = String(value ?? '');
  if (PLAIN.test(text) && !RESERVED.test(text)) return text;
  if (!/['\n\r\t\\]/.test(text) && !/[\u0000-\u001f]/.test(text)) return "'" + text + "'";
  return JSON.stringify(text); // a JSON string is a YAML double-quoted string
}

function number(value) {
  const text = String(value ?? '').trim();
  return NUMBER.test(text) ? text : scalar(text);
}

function duration(value) {
  const text = String(value ?? '').trim();
  return DURATION.test(text) ? text : scalar(text);
}

// Comments would be lost on the way through the form: a '#' after a space or at a line's start, outside quotes.
export function hasComments(yaml) {
  for (const line of yaml.split('\n')) {
    let quote = null;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === "'" || c === '"') {
        quote = c;
      } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
        return true;
      }
    }
  }
  return false;
}

class Unfit extends Error {}

function unfit(reason) {
  throw new Unfit(reason);
}

// The form's model of a rule document, or { reason } saying why it only fits the YAML view.
export function fromDocument(doc) {
  try {
    if (!isObject(doc)) unfit('it is not a single rule');
    const extra = Object.keys(doc).filter((key) => !TOP_KEYS.includes(key));
    if (extra.length) unfit('it has the key ' + extra[0]);
    const triggers = Array.isArray(doc.when) ? doc.when : [doc.when];
    if (triggers.length !== 1) unfit('it has ' + triggers.length + ' triggers; the form has one');
    const actions = doc.then === undefined ? [] : Array.isArray(doc.then) ? doc.then : [doc.then];
    return { model: { id: text(doc.id), name: text(doc.name), enabled: doc.enabled !== false,
      trigger: trigger(triggers[0]), condition: text(doc.if), forDuration: text(doc.for),
      mode: text(doc.mode) || 'single', actions: actions.map(action) } };
  } catch (e) {
    if (e instanceof Unfit) return { reason: e.message };
    throw e;
  }
}

function trigger(t) {
  const base = newRule().trigger;
  if (!isObject(t)) unfit('its trigger is not one the form knows');
  const keys = Object.keys(t);
  const only = (...allowed) => keys.every((key) => allowed.includes(key));
  if ('cron' in t && only('cron')) return { ...base, kind: 'cron', cron: text(t.cron) };
  if ('sun' in t && only('sun', 'offset')) return { ...base, kind: 'sun', sun: text(t.sun), offset: text(t.offset) };
  if ('topic' in t && only('topic', 'changes', 'above', 'below', 'hysteresis', 'field')) {
    const direction = 'above' in t ? 'above' : 'below' in t ? 'below' : null;
    if (direction && ('above' in t) && ('below' in t)) unfit('its trigger has both above and below');
    if (!direction && ('hysteresis' in t || 'field' in t)) unfit('its trigger has hysteresis or field alone');
    if (direction && t.changes) unfit('its threshold trigger also has changes');
    return direction
      ? { ...base, kind: 'threshold', topic: text(t.topic), direction, value: text(t[direction]),
        hysteresis: text(t.hysteresis), field: text(t.field) }
      : { ...base, kind: 'topic', topic: text(t.topic), changes: t.changes === true };
  }
  return unfit('its trigger (' + keys.join(', ') + ') is not one the form knows');
}

function action(a) {
  const kinds = isObject(a) ? Object.keys(a) : [];
  if (kinds.length !== 1) unfit('one of its actions is not one the form knows');
  const [kind] = kinds;
  const body = a[kind];
  if (kind === 'delay' && !isObject(body)) return { kind, duration: text(body) };
  if (kind === 'log' && !isObject(body)) return { kind, message: text(body) };
  if (kind === 'set' && isObject(body) && Object.keys(body).every((k) => k === 'var' || k === 'value')) {
    return { kind, var: text(body.var), value: text(body.value) };
  }
  if (kind === 'publish' && isObject(body)
      && Object.keys(body).every((k) => ['topic', 'payload', 'qos', 'retain'].includes(k))) {
    return { kind, topic: text(body.topic), payload: text(body.payload), qos: text(body.qos) || '0',
      retain: body.retain === true };
  }
  return unfit('its action ' + kind + ' is not one the form knows');
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value) {
  if (value === undefined || value === null) return '';
  if (isObject(value) || Array.isArray(value)) unfit('a value is a list or a map where the form has text');
  return String(value);
}
