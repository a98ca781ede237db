package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.auth.Authenticator;
import dev.roost.hub.broker.auth.TopicPermissions;
import dev.roost.hub.broker.persistence.BrokerJournal;
import dev.roost.hub.broker.routing.Router;
import dev.roost.hub.broker.session.QueueBudget;
import dev.roost.hub.broker.session.SessionStore;
import dev.roost.hub.broker.stats.BrokerStats;

/**
 * What every connection shares: the broker's policies, its stores and its router. All of it is confined to
 * the broker's event loop, except the thread-safe index of connected clients.
 */
public record BrokerContext(
        BrokerConfig config,
        Router router,
        SessionStore sessions,
        QueueBudget budget,
        BrokerStats stats,
        Authenticator authenticator,
        TopicPermissions permissions,
        ShutdownSignal shutdown,
        BrokerJournal journal,
        ConnectedClients connected) {
}
