// Users and the topics each may publish and subscribe to (admins only): the rules of /api/acl/{subject}, edited as
// one topic filter per line, a refused filter shown at its line.
import { api, ApiError, explain } from './api.js';
import { el, replace } from './dom.js';

const SPECIAL = [
  { name: '$default', label: 'Users without rules of their own', fallback: 'No rules: every topic but $SYS' },
  { name: '$anonymous', label: 'Clients without a user name', fallback: 'No rules: every topic but $SYS' },
];

export async function showPermissions(section) {
  const users = await api('GET', '/api/users');
  const subjects = users.map((user) => ({ name: user.name, admin: user.admin,
    label: user.admin ? 'admin' : 'user', fallback: 'No rules of its own: those of $default apply' }))
    .concat(SPECIAL);
  const rules = await Promise.all(subjects.map((s) => api('GET', '/api/acl/' + encodeURIComponent(s.name))));
  replace(section, el('h2', {}, 'Users and topic permissions'),
    el('p', { class: 'muted small' }, 'A subject with rules may use only the topics they list (+ is one level, # the'
      + ' rest, %u the user name, %c the client id). Admins may use every topic.'),
    subjects.map((subject, i) => new SubjectCard(subject, rules[i]).node));
}

class SubjectCard {
  constructor(subject, rules) {
    this.subject = subject;
    this.node = el('article', { class: 'card subject', 'data-subject': subject.name });
    this.show(rules);
  }

  show(rules) {
    this.rules = rules;
    const none = !rules.publish.length && !rules.subscribe.length;
    replace(this.node,
      el('div', { class: 'row' }, el('h2', {}, this.subject.name),
        this.subject.admin ? null : el('button', { type: 'button', class: 'link edit', onclick: () => this.edit() },
          'Edit')),
      el('p', { class: 'muted small' }, this.subject.label),
      this.subject.admin ? el('p', { class: 'small' }, 'Every topic')
        : none ? el('p', { class: 'small' }, this.subject.fallback)
          : [filterList('Publish', rules.publish), filterList('Subscribe', rules.subscribe)]);
  }

  edit() {
    const publish = filterArea('publish', this.rules.publish);
    const subscribe = filterArea('subscribe', this.rules.subscribe);
    const error = el('p', { class: 'error small', role: 'alert' });
    const save = async () => {
      replace(publish.error);
      replace(subscribe.error);
      replace(error);
      const sent = { publish: lines(publish.input.value), subscribe: lines(subscribe.input.value) };
      try {
        this.show(await api('PUT', '/api/acl/' + encodeURIComponent(this.subject.name), sent));
      } catch (e) {
        showAtField(e, sent, { publish, subscribe }, error);
      }
    };
    replace(this.node, el('h2', {}, this.subject.name), publish.node, subscribe.node,
      el('div', { class: 'row' }, el('button', { type: 'button', class: 'save', onclick: save }, 'Save'),
        el('button', { type: 'button', class: 'link', onclick: () => this.show(this.rules) }, 'Cancel')),
      error);
  }
}

function filterList(title, filters) {
  return el('p', { class: 'small' }, title + ': ' + (filters.length ? filters.join(', ') : 'nothing'));
}

function filterArea(side, filters) {
  const input = el('textarea', { class: 'filters ' + side, rows: '3', spellcheck: 'false',
    'aria-label': side + ' topic filters, one per line', placeholder: 'e.g. tele/%c/#' });
  input.value = filters.join('\n');
  const error = el('p', { class: 'error small field-error', role: 'alert' });
  return { input, error, node: el('label', { class: 'stack' },
    el('span', {}, side === 'publish' ? 'May publish to' : 'May subscribe to'), input, error) };
}

function lines(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

// The API names a refused filter by its place in the list sent (publish[2]): shown under its list, by its text.
function showAtField(e, sent, areas, fallback) {
  const field = e instanceof ApiError ? e.body.field || '' : '';
  const match = /^(publish|subscribe)\[(\d+)\]$/.exec(field);
  if (match) {
    replace(areas[match[1]].error, sent[match[1]][Number(match[2])] + ': ' + e.body.detail);
  } else if (areas[field]) {
    replace(areas[field].error, e.body.detail);
  } else {
    replace(fallback, explain(e));
  }
}
