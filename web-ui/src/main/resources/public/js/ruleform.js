// The rule form: one trigger (a topic, a threshold with hysteresis, a cron schedule or sunrise/sunset with an
// offset), an optional condition and `for` duration, the actions (publish, set, delay, log) and the mode. It keeps
// its model in step with the inputs and shows the hub's problems at the field they name.
import { el, replace } from './dom.js';

const TRIGGERS = [['topic', 'Message on a topic'], ['threshold', 'Value above or below'],
  ['cron', 'Time (cron)'], ['sun', 'Sunrise or sunset']];
const ACTIONS = [['publish', 'Publish'], ['set', 'Set a variable'], ['delay', 'Wait'], ['log', 'Log']];
const MODES = [['single', 'single: ignore new triggers while running'],
  ['restart', 'restart: start over on a new trigger'], ['queued', 'queued: run again afterwards']];

export class RuleForm {
  // onChange is called after every edit, with the model.
  constructor(model, onChange) {
    this.model = model;
    this.onChange = onChange;
    this.fields = new Map();
    this.general = el('div', { class: 'problems', id: 'form-problems', role: 'status' });
    this.actionList = el('div', { class: 'stack', id: 'rule-actions' });
    this.node = el('form', { class: 'stack rule-form', id: 'rule-form', onsubmit: (e) => e.preventDefault() },
      this.input('id', 'Id (a-z, 0-9 and -)', this.model, 'id', { id: 'rule-id' }),
      this.input('name', 'Name', this.model, 'name', { id: 'rule-name' }),
      this.triggerSection(),
      this.input('if', 'Only if (optional expression, e.g. value.temperature < 18)', this.model, 'condition',
        { id: 'rule-if' }),
      this.input('for', 'For (optional: the condition holds this long, e.g. 5m)', this.model, 'forDuration',
        { id: 'rule-for' }),
      el('fieldset', { class: 'card stack' }, el('legend', {}, 'Then'), this.actionList,
        el('button', { type: 'button', class: 'link', id: 'add-action', onclick: () => this.addAction() },
          '+ Add action')),
      this.select('mode', 'When it fires while still running', MODES, this.model, 'mode', { id: 'rule-mode' }),
      this.general);
    this.renderActions();
  }

  // One group of inputs per kind of trigger, only the chosen kind's shown; the topic serves two kinds.
  triggerSection() {
    const t = this.model.trigger;
    const groups = [
      ['topic threshold', [this.input('when[0].topic', 'Topic (+ one level, # the rest)', t, 'topic',
        { id: 'trigger-topic' })]],
      ['topic', [this.checkbox('when[0].changes', 'Only when the payload changes', t, 'changes',
        { id: 'trigger-changes' })]],
      ['threshold', [this.input('when[0].field', 'Field of a JSON payload (optional), e.g. temperature', t, 'field',
        { id: 'trigger-field' }),
      el('div', { class: 'row' },
        this.select('when[0].direction', 'Fires when the value goes', [['below', 'below'], ['above', 'above']], t,
          'direction', { id: 'trigger-direction' }),
        this.input(['when[0].below', 'when[0].above'], 'Threshold', t, 'value',
          { id: 'trigger-value', inputmode: 'decimal' })),
      this.input('when[0].hysteresis', 'Hysteresis (optional): how far back before it fires again', t, 'hysteresis',
        { id: 'trigger-hysteresis', inputmode: 'decimal' })]],
      ['cron', [this.input('when[0].cron', 'Schedule: second minute hour day month weekday, e.g. 0 30 18 * * *', t,
        'cron', { id: 'trigger-cron' })]],
      ['sun', [this.select('when[0].sun', 'At', [['sunrise', 'sunrise'], ['sunset', 'sunset']], t, 'sun',
        { id: 'trigger-sun' }),
      this.input('when[0].offset', 'Offset (optional, e.g. -15m is earlier)', t, 'offset', { id: 'trigger-offset' })]],
    ].map(([kinds, nodes]) => el('div', { class: 'stack', 'data-kinds': kinds }, nodes));
    const show = () => groups.forEach((g) => { g.hidden = !g.dataset.kinds.split(' ').includes(t.kind); });
    const kind = this.select('when[0]', 'Trigger', TRIGGERS, t, 'kind', { id: 'trigger-kind' }, show);
    show();
    return el('fieldset', { class: 'card stack' }, el('legend', {}, 'When'), kind, groups);
  }

  renderActions() {
    for (const name of [...this.fields.keys()].filter((f) => f === 'then' || f.startsWith('then['))) {
      this.fields.delete(name);
    }
    replace(this.actionList, this.model.actions.map((action, i) => this.actionRow(action, i)));
    if (!this.model.actions.length) this.actionList.append(this.errorSlot('then'));
  }

  actionRow(action, i) {
    const at = 'then[' + i + ']';
    const kind = this.select(at, 'Action ' + (i + 1), ACTIONS, action, 'kind', { class: 'action-kind' }, () => {
      this.renderActions();
    });
    const fields = {
      publish: () => [this.input(at + '.topic', 'Topic', action, 'topic', { name: 'topic' }),
        this.input(at + '.payload', 'Payload (may hold @{...} expressions)', action, 'payload', { name: 'payload' }),
        el('div', { class: 'row' },
          this.select(at + '.qos', 'QoS', [['0', '0'], ['1', '1'], ['2', '2']], action, 'qos', { name: 'qos' }),
          this.checkbox(at + '.retain', 'Retain', action, 'retain', { name: 'retain' }))],
      set: () => [this.input(at + '.var', 'Variable', action, 'var', { name: 'var' }),
        this.input(at + '.value', 'Value (expression)', action, 'value', { name: 'value' })],
      delay: () => [this.input(at, 'Wait for, e.g. 30s', action, 'duration', { name: 'duration' })],
      log: () => [this.input(at, 'Message', action, 'message', { name: 'message' })],
    }[action.kind]();
    return el('div', { class: 'action stack', 'data-action': String(i) },
      el('div', { class: 'row' }, kind, el('button', { type: 'button', class: 'link remove', 'aria-label':
        'remove action ' + (i + 1), onclick: () => { this.model.actions.splice(i, 1); this.changed(true); } },
      'Remove')), fields);
  }

  addAction() {
    this.model.actions.push({ kind: 'publish', topic: '', payload: '', qos: '0', retain: false });
    this.changed(true);
  }

  changed(rebuildActions = false) {
    if (rebuildActions) this.renderActions();
    this.onChange(this.model);
  }

  // A labelled input bound to target[key]; fields names the problem fields shown under it.
  input(fields, label, target, key, attrs = {}) {
    const input = el('input', { ...attrs, value: target[key] ?? '', spellcheck: 'false',
      oninput: () => { target[key] = input.value; this.changed(); } });
    return this.labelled(fields, label, input);
  }

  select(fields, label, options, target, key, attrs = {}, then = null) {
    const select = el('select', attrs, options.map(([value, text]) => el('option', { value }, text)));
    select.value = target[key];
    select.addEventListener('change', () => {
      target[key] = select.value;
      if (then) then();
      this.changed();
    });
    return this.labelled(fields, label, select);
  }

  checkbox(fields, label, target, key, attrs = {}) {
    const box = el('input', { ...attrs, type: 'checkbox', checked: target[key] === true,
      onchange: () => { target[key] = box.checked; this.changed(); } });
    const error = this.register(fields, box);
    return el('div', { class: 'field' }, el('label', { class: 'switch-row' }, box, label), error);
  }

  labelled(fields, label, control) {
    const error = this.register(fields, control);
    return el('label', { class: 'field stack' }, el('span', { class: 'small' }, label), control, error);
  }

  register(fields, control) {
    const error = el('p', { class: 'error small field-error', role: 'alert' });
    for (const name of [].concat(fields)) this.fields.set(name, { control, error });
    control.dataset.field = [].concat(fields)[0];
    return error;
  }

  errorSlot(name) {
    const error = el('p', { class: 'error small field-error', role: 'alert' });
    this.fields.set(name, { control: null, error });
    return error;
  }

  // Each problem at its field, those without one in the list below the form; returns how many were shown.
  showProblems(problems) {
    for (const { control, error } of this.fields.values()) {
      replace(error);
      if (control) control.removeAttribute('aria-invalid');
    }
    const unplaced = [];
    for (const problem of problems) {
      const slot = this.slotFor(problem.field || '');
      if (!slot) {
        unplaced.push(problem);
        continue;
      }
      slot.error.append(el('span', { class: 'problem' }, problem.detail));
      if (slot.control) slot.control.setAttribute('aria-invalid', 'true');
    }
    replace(this.general, unplaced.map((p) => el('p', { class: 'error small problem' },
      (p.field ? p.field + ': ' : '') + p.detail)));
  }

  // then[0].publish.qos is the form's then[0].qos; a field without an input falls back to its parent's.
  slotFor(field) {
    let name = field.replace(/^(then\[\d+\])\.(publish|set)\b/, '$1');
    while (name) {
      if (this.fields.has(name)) return this.fields.get(name);
      const parent = name.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (parent === name) break;
      name = parent;
    }
    return null;
  }
}
