// The rule list (enabled switch, status, last run) and the editor: a form for the common rules and the YAML of
// every rule, checked by the server as one types (the error shown at its field or line), save, dry run, and the
// run history with each run's trace.
import { api, ApiError, explain } from './api.js';
import { debounce, el, replace, timeOf } from './dom.js';
import { RuleForm } from './ruleform.js';
import { fromDocument, hasComments, newRule, toYaml } from './ruleyaml.js';

const YAML = 'application/yaml';
const CHECK_DELAY_MS = 400;
// What saving a new rule said, shown again by the editor the rule then opens in.
let savedNotice = null;

export async function showRuleList(view) {
  const list = el('div', { id: 'rule-list', class: 'stack' });
  replace(view, el('div', { class: 'row' }, el('h1', {}, 'Rules'),
    el('a', { href: '#/rules/new', class: 'button', id: 'new-rule' }, 'New rule')), list);
  const rules = await api('GET', '/api/rules');
  if (!rules.length) replace(list, el('p', { class: 'muted' }, 'No rules yet.'));
  for (const rule of rules) list.append(ruleCard(rule));
}

function ruleCard(rule) {
  const lastRun = el('p', { class: 'muted small' }, 'last run: …');
  const error = el('p', { class: 'error small', role: 'alert' });
  const enabled = el('input', { type: 'checkbox', role: 'switch', class: 'switch', checked: rule.enabled,
    'aria-label': 'enabled', onchange: async () => {
      replace(error);
      try {
        const saved = await api('PUT', '/api/rules/' + encodeURIComponent(rule.id) + '/enabled',
          { enabled: enabled.checked });
        replace(status, statusText(settled(saved)));
      } catch (e) {
        enabled.checked = !enabled.checked;
        replace(error, explain(e));
      }
    } });
  const status = el('p', { class: 'small status' }, statusText(rule.status));
  api('GET', '/api/rules/' + encodeURIComponent(rule.id) + '/runs?limit=1').then((runs) => {
    replace(lastRun, runs.length ? 'last run: ' + timeOf(runs[0].startedAt) + ' · ' + runs[0].outcome
      + (runs[0].error ? ' · ' + runs[0].error : '') : 'last run: never');
  }, (e) => replace(lastRun, 'last run: ' + explain(e)));
  return el('article', { class: 'card rule', 'data-rule': rule.id },
    el('div', { class: 'row' },
      el('a', { href: '#/rules/' + encodeURIComponent(rule.id) }, el('h2', {}, rule.name || rule.id)),
      el('label', { class: 'switch-row' }, enabled, 'Enabled')),
    status, lastRun,
    rule.nextRun ? el('p', { class: 'muted small next-run' }, 'next run: ' + timeOf(rule.nextRun)) : null, error);
}

// The answer's status can still be the engine's old one (it applies changes on its own thread): the
// saved flag is the truth for enabled versus disabled.
function settled(saved) {
  const disabled = saved.status && saved.status.state === 'DISABLED';
  if (saved.enabled === !disabled) return saved.status;
  return { state: saved.enabled ? 'ACTIVE' : 'DISABLED', detail: '' };
}

function statusText(status) {
  if (!status) return '';
  return status.state + (status.detail ? ': ' + status.detail : '');
}

export async function showRuleEditor(view, id) {
  const isNew = id === 'new';
  const rule = isNew ? { document: toYaml(newRule()) } : await api('GET', '/api/rules/' + encodeURIComponent(id));
  const editor = new RuleEditor(rule, isNew);
  // Into the form before the editor is shown, so what the user first touches stays where it is.
  if (isNew) editor.showForm(newRule());
  else await editor.toForm(true);
  if (savedNotice) replace(editor.saved, savedNotice);
  savedNotice = null;
  replace(view, editor.node);
  window.scrollTo(0, 0); // a saved new rule opens again from its top
  if (!isNew) editor.loadRuns();
}

class RuleEditor {
  constructor(rule, isNew) {
    this.rule = rule;
    this.isNew = isNew;
    this.view = 'yaml';
    this.form = null;
    this.later = debounce(() => this.check(), CHECK_DELAY_MS);
    this.text = el('textarea', { id: 'rule-yaml', spellcheck: 'false', rows: '14', wrap: 'off', 'aria-label': 'rule as YAML',
      oninput: this.later });
    this.text.value = rule.document;
    this.formTab = el('button', { type: 'button', role: 'tab', id: 'view-form', onclick: () => this.toForm(false) },
      'Form');
    this.yamlTab = el('button', { type: 'button', role: 'tab', id: 'view-yaml', onclick: () => this.toYamlView() },
      'YAML');
    this.note = el('p', { id: 'view-note', class: 'muted small', role: 'status' });
    this.formHolder = el('div', { hidden: true });
    this.problems = el('div', { id: 'rule-problems', class: 'problems', role: 'status' });
    this.saved = el('p', { id: 'rule-saved', class: 'small', role: 'status' });
    this.testTopic = el('input', { id: 'test-topic', placeholder: 'topic, e.g. home/temperature' });
    this.testPayload = el('input', { id: 'test-payload', placeholder: 'payload, e.g. {"temperature":17}' });
    this.testResult = el('div', { id: 'test-result' });
    this.runs = el('div', { id: 'rule-runs', class: 'stack' });
    this.node = el('div', { class: 'stack' },
      el('a', { href: '#/rules' }, '← Rules'),
      el('h1', {}, isNew ? 'New rule' : (rule.name || rule.id)),
      el('div', { class: 'tabs', role: 'tablist' }, this.formTab, this.yamlTab), this.note,
      this.formHolder, this.text, this.problems,
      el('div', { class: 'row' }, el('button', { type: 'button', id: 'rule-save', onclick: () => this.save() },
        'Save'), this.saved),
      isNew ? null : el('section', { class: 'card' }, el('h2', {}, 'Try it'), this.testTopic, this.testPayload,
        el('button', { type: 'button', id: 'rule-test', onclick: () => this.dryRun() }, 'Test'), this.testResult),
      isNew ? null : el('section', {}, el('h2', {}, 'Runs'),
        el('button', { type: 'button', class: 'link', onclick: () => this.loadRuns() }, 'Refresh'), this.runs));
    this.showTabs();
  }

  showTabs() {
    this.formTab.setAttribute('aria-selected', String(this.view === 'form'));
    this.yamlTab.setAttribute('aria-selected', String(this.view === 'yaml'));
    this.formHolder.hidden = this.view !== 'form';
    this.text.hidden = this.view !== 'yaml';
  }

  // The form edits a model; every change rewrites the YAML, which is what is checked and saved.
  showForm(model) {
    this.form = new RuleForm(model, (changed) => {
      this.text.value = toYaml(changed);
      this.later();
    });
    replace(this.formHolder, this.form.node);
    this.text.value = toYaml(model);
    this.view = 'form';
    replace(this.note);
    this.showTabs();
  }

  // The YAML into the form when the rule fits it; when opening a rule, quietly stays in YAML otherwise.
  async toForm(opening) {
    if (this.view === 'form') return;
    replace(this.note);
    if (hasComments(this.text.value)) {
      if (!opening) replace(this.note, 'This rule only fits the YAML view: its comments would be lost in the form.');
      return;
    }
    let answer;
    try {
      answer = await api('POST', '/api/rules/validate', this.text.value, YAML);
    } catch (e) {
      if (!opening) replace(this.note, 'Fix the problems in the YAML first.');
      this.showProblems(e);
      return;
    }
    const fitted = fromDocument(answer.document);
    if (fitted.model) this.showForm(fitted.model);
    else replace(this.note, 'This rule only fits the YAML view: ' + fitted.reason + '.');
  }

  toYamlView() {
    replace(this.note);
    this.view = 'yaml';
    this.showTabs();
    this.check();
  }

  async check() {
    // A check of what was typed before saving must not take the notice away.
    if (this.text.value !== this.savedDocument) replace(this.saved);
    try {
      await api('POST', '/api/rules/validate', this.text.value, YAML);
      if (this.form) this.form.showProblems([]);
      replace(this.problems, el('p', { class: 'ok small', id: 'rule-valid' }, 'Valid'));
    } catch (e) {
      this.showProblems(e);
    }
  }

  showProblems(error) {
    const problems = error instanceof ApiError && error.body.problems ? error.body.problems
      : [{ field: error.body ? error.body.field : null, line: 0, column: 0, detail: explain(error) }];
    if (this.view === 'form') {
      this.form.showProblems(problems);
      replace(this.problems);
      return;
    }
    const lines = this.text.value.split('\n');
    replace(this.problems, ...problems.map((p) => problemNode(p, lines, () => this.select(p))));
  }

  // Puts the cursor where the server found the problem.
  select(problem) {
    if (!problem.line) return;
    const lines = this.text.value.split('\n');
    let offset = 0;
    for (let i = 0; i < problem.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset += Math.max(0, (problem.column || 1) - 1);
    this.text.focus();
    this.text.setSelectionRange(offset, offset);
  }

  async save() {
    replace(this.saved);
    try {
      const saved = this.isNew
        ? await api('POST', '/api/rules', this.text.value, YAML)
        : await api('PUT', '/api/rules/' + encodeURIComponent(this.rule.id), this.text.value, YAML);
      replace(this.problems);
      if (this.form) this.form.showProblems([]);
      replace(this.saved, 'Saved · ' + statusText(saved.status));
      this.savedDocument = this.text.value;
      if (this.isNew) {
        savedNotice = this.saved.textContent;
        location.hash = '#/rules/' + encodeURIComponent(saved.id);
      }
    } catch (e) {
      this.showProblems(e);
      replace(this.saved, 'Not saved');
    }
  }

  async dryRun() {
    replace(this.testResult);
    try {
      const report = await api('POST', '/api/rules/' + encodeURIComponent(this.rule.id) + '/test',
        { topic: this.testTopic.value || null, payload: this.testPayload.value || null, state: {} });
      replace(this.testResult,
        el('p', { class: 'small' }, report.triggered ? 'Would run' : 'Would not run',
          report.conditionResult === null || report.conditionResult === undefined ? ''
            : ' · condition ' + report.conditionResult, report.error ? ' · ' + report.error : ''),
        stepList(report.steps));
    } catch (e) {
      replace(this.testResult, el('p', { class: 'error small' }, explain(e)));
    }
  }

  async loadRuns() {
    try {
      const runs = await api('GET', '/api/rules/' + encodeURIComponent(this.rule.id) + '/runs?limit=20');
      replace(this.runs, runs.length ? runs.map(runNode) : el('p', { class: 'muted' }, 'No runs yet.'));
    } catch (e) {
      replace(this.runs, el('p', { class: 'error small' }, explain(e)));
    }
  }
}

function problemNode(problem, lines, onClick) {
  const where = problem.line ? 'Line ' + problem.line + ', column ' + problem.column + ': ' : '';
  const node = el('div', { class: 'problem', 'data-line': String(problem.line || 0) },
    el('button', { type: 'button', class: 'link error', onclick: onClick },
      where + (problem.field ? problem.field + ': ' : '') + problem.detail));
  if (problem.line && lines[problem.line - 1] !== undefined) {
    const caret = ' '.repeat(Math.max(0, (problem.column || 1) - 1)) + '^';
    node.append(el('pre', { class: 'excerpt' }, problem.line + ' | ' + lines[problem.line - 1] + '\n'
      + ' '.repeat(String(problem.line).length + 3) + caret));
  }
  return node;
}

function runNode(run) {
  return el('details', { class: 'card run' },
    el('summary', {}, timeOf(run.startedAt) + ' · ' + run.outcome + ' · ' + (run.trigger || '')),
    el('p', { class: 'small' }, run.topic ? 'message on ' + run.topic + ': ' + (run.payloadExcerpt ?? '') : ''),
    run.conditionResult === null || run.conditionResult === undefined ? null
      : el('p', { class: 'small' }, 'condition: ' + run.conditionResult),
    run.error ? el('p', { class: 'error small' }, run.error) : null,
    stepList(run.steps));
}

function stepList(steps) {
  return el('ol', { class: 'steps' }, (steps || []).map((step) => el('li', {},
    step.action + ' · ' + step.outcome + (step.detail ? ' · ' + step.detail : '')
      + ' · ' + (step.durationMicros ?? 0) + ' µs')));
}
