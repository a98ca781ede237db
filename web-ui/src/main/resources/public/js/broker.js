// The Broker screen: traffic of the last minute, the connected clients with their subscriptions, the retained
// topics (an admin may clear one), and users with their topic permissions. Figures refresh while it is shown.
import { api, explain } from './api.js';
import { debounce, el, replace, timeOf } from './dom.js';
import { showPermissions } from './acl.js';

const REFRESH_MS = 5000;
const CLIENTS_PAGE = 50;
const TOPICS_SHOWN = 100;

export async function showBroker(view) {
  const session = await api('GET', '/api/session');
  const screen = new BrokerScreen(session.admin);
  replace(view, screen.node);
  await Promise.all([screen.loadStats(), screen.loadClients(), screen.loadTopics(),
    session.admin ? showPermissions(screen.permissions) : null]);
  screen.keepFresh();
}

class BrokerScreen {
  constructor(admin) {
    this.admin = admin;
    this.stats = el('section', { class: 'card stack', id: 'broker-stats' }, el('p', { class: 'muted' }, 'Loading…'));
    this.clients = el('div', { id: 'broker-clients', class: 'stack' });
    this.clientsTitle = el('h2', {}, 'Clients');
    this.more = el('button', { type: 'button', class: 'link', hidden: true, onclick: () => this.loadClients(true) },
      'Show more');
    this.prefix = el('input', { id: 'topic-prefix', placeholder: 'topic starts with, e.g. home/',
      'aria-label': 'topic prefix', oninput: debounce(() => this.loadTopics(), 300) });
    this.topics = el('div', { id: 'retained-topics', class: 'stack' });
    this.topicsTitle = el('h2', {}, 'Retained topics');
    this.permissions = el('section', { id: 'users', class: 'stack', hidden: !admin });
    this.shown = 0;
    this.node = el('div', { class: 'stack' },
      el('h1', {}, 'Broker'), this.stats,
      el('section', { class: 'stack' }, this.clientsTitle, this.clients, this.more),
      el('section', { class: 'stack' }, this.topicsTitle, this.prefix, this.topics),
      this.permissions);
  }

  // Refreshes figures and clients until the screen is left; a user reading further pages keeps them.
  keepFresh() {
    const timer = setInterval(() => {
      if (!this.node.isConnected) {
        clearInterval(timer);
        return;
      }
      this.loadStats();
      if (this.shown <= CLIENTS_PAGE) this.loadClients();
    }, REFRESH_MS);
  }

  async loadStats() {
    try {
      replace(this.stats, ...statsNodes(await api('GET', '/api/stats')));
    } catch (e) {
      replace(this.stats, el('p', { class: 'error small' }, explain(e)));
    }
  }

  async loadClients(more = false) {
    try {
      const offset = more ? this.shown : 0;
      const page = await api('GET', '/api/clients?offset=' + offset + '&limit=' + CLIENTS_PAGE);
      if (!more) replace(this.clients);
      if (!page.total) replace(this.clients, el('p', { class: 'muted' }, 'No MQTT clients connected.'));
      this.clients.append(...page.clients.map(clientNode));
      this.shown = offset + page.clients.length;
      replace(this.clientsTitle, 'Clients (' + page.total + ')');
      this.more.hidden = this.shown >= page.total;
    } catch (e) {
      replace(this.clients, el('p', { class: 'error small' }, explain(e)));
    }
  }

  async loadTopics() {
    try {
      const prefix = this.prefix.value;
      const found = await api('GET', '/api/topics?limit=' + TOPICS_SHOWN + '&prefix=' + encodeURIComponent(prefix));
      replace(this.topicsTitle, 'Retained topics (' + found.total + ')');
      replace(this.topics, found.topics.length ? found.topics.map((t) => this.topicNode(t))
        : el('p', { class: 'muted' }, 'No retained topics' + (prefix ? ' starting with ' + prefix : '') + '.'),
      found.total > found.topics.length
        ? el('p', { class: 'muted small' }, 'First ' + found.topics.length + ' shown; type more of the topic.') : null);
    } catch (e) {
      replace(this.topics, el('p', { class: 'error small', role: 'alert' }, explain(e)));
    }
  }

  // Clearing is what publishing an empty retained message does: subscribers get an empty message too.
  topicNode(topic) {
    const error = el('p', { class: 'error small', role: 'alert' });
    const confirm = el('div', { class: 'confirm', hidden: true },
      el('span', { class: 'small' }, 'Clear it? Subscribers get an empty message.'),
      el('button', { type: 'button', class: 'confirm-yes', onclick: async () => {
        try {
          await api('DELETE', '/api/topics?topic=' + encodeURIComponent(topic.topic));
          await this.loadTopics();
        } catch (e) {
          replace(error, explain(e));
        }
      } }, 'Clear'),
      el('button', { type: 'button', class: 'link', onclick: () => { confirm.hidden = true; } }, 'Keep'));
    return el('article', { class: 'card retained', 'data-topic': topic.topic },
      el('div', { class: 'row' }, el('h2', {}, topic.topic),
        this.admin ? el('button', { type: 'button', class: 'link clear',
          onclick: () => { confirm.hidden = false; } }, 'Clear…') : null),
      el('pre', { class: 'excerpt' }, (topic.binary ? 'hex ' : '') + topic.preview),
      el('p', { class: 'muted small' }, topic.size + ' bytes · QoS ' + topic.qos), confirm, error);
  }
}

function statsNodes(stats) {
  const { messages, bytes, losses } = stats;
  const lost = losses.queueOverflow + losses.qos0 + losses.slowListeners;
  const refused = losses.publishRefused + losses.publishDenied + losses.subscribeDenied + losses.retainedRefused;
  return [
    el('div', { class: 'row' }, el('h2', {}, 'Last minute'),
      el('span', { class: 'muted small' }, stats.clientsConnected + ' connected · ' + stats.clientsTotal
        + (stats.clientsTotal === 1 ? ' connection' : ' connections') + ' since start')),
    el('p', { class: 'rates' }, 'Messages in ', el('strong', { id: 'rate-in' }, rate(messages.receivedPerSecond)),
      ' · out ', el('strong', { id: 'rate-out' }, rate(messages.sentPerSecond))),
    sparkline(messages.receivedEachSecond, messages.sentEachSecond),
    el('p', { class: 'small' }, 'Data in ' + size(bytes.receivedPerSecond) + '/s · out '
      + size(bytes.sentPerSecond) + '/s · ' + messages.received + ' messages in, ' + messages.sent + ' out since start'),
    el('p', { class: 'small' }, stats.subscriptions + ' subscriptions · ' + stats.retained + ' retained topics'),
    el('details', {}, el('summary', { class: lost + refused ? 'error small' : 'small' },
      lost + ' messages lost, ' + refused + ' refused since start'),
    el('ul', { class: 'small' },
      el('li', {}, losses.queueOverflow + ' dropped from full client queues'),
      el('li', {}, losses.qos0 + ' QoS 0 not sent to slow clients'),
      el('li', {}, losses.slowListeners + ' missed by the hub\'s own rules and devices'),
      el('li', {}, losses.publishRefused + ' publishes refused: queue memory full'),
      el('li', {}, losses.publishDenied + ' publishes and ' + losses.subscribeDenied
        + ' subscriptions denied by permissions'),
      el('li', {}, losses.retainedRefused + ' retained values not kept: store full'),
      el('li', {}, losses.protocolErrors + ' connections closed for protocol errors'))),
  ];
}

function clientNode(client) {
  const shown = client.subscriptions.map((s) => el('li', {}, s.filter + ' (QoS ' + s.qos + ')'));
  if (client.subscriptionCount > client.subscriptions.length) {
    shown.push(el('li', { class: 'muted' }, (client.subscriptionCount - client.subscriptions.length) + ' more'));
  }
  return el('article', { class: 'card client', 'data-client': client.clientId },
    el('h2', {}, client.clientId),
    el('p', { class: 'small' }, (client.username || 'anonymous') + ' · ' + client.address + ' · ' + client.protocol
      + ' · ' + (client.cleanSession ? 'clean session' : 'persistent session')),
    el('p', { class: 'muted small' }, 'since ' + timeOf(client.connectedSince) + ' · ' + client.messagesIn
      + ' in · ' + client.messagesOut + ' out'),
    shown.length ? el('ul', { class: 'small subscriptions' }, shown)
      : el('p', { class: 'muted small' }, 'No subscriptions'));
}

// Messages per second over the last minute, in (accent) and out (muted), as two lines.
function sparkline(received, sent) {
  const svgNs = 'http://www.w3.org/2000/svg';
  const width = 300;
  const height = 40;
  const top = Math.max(1, ...received, ...sent);
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'messages per second, last minute');
  for (const [series, kind] of [[sent, 'out'], [received, 'in']]) {
    const line = document.createElementNS(svgNs, 'polyline');
    const dx = width / Math.max(1, series.length - 1);
    line.setAttribute('points', series.map((v, i) => (i * dx).toFixed(1) + ',' + (height - 2 - (v / top)
      * (height - 4)).toFixed(1)).join(' '));
    line.setAttribute('class', 'spark-' + kind);
    svg.append(line);
  }
  return svg;
}

function rate(perSecond) {
  return (perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)) + '/s';
}

function size(bytes) {
  if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + ' MB';
  if (bytes >= 1024) return (bytes / 1024).toFixed(1) + ' kB';
  return Math.round(bytes) + ' B';
}
