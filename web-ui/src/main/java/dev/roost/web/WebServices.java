package dev.roost.web;

import dev.roost.web.auth.Accounts;
import dev.roost.web.auth.ApiTokens;
import dev.roost.web.auth.BearerTokens;
import dev.roost.web.broker.BrokerView;
import dev.roost.web.devices.DeviceDirectory;
import dev.roost.web.history.HistorySource;
import dev.roost.web.metrics.MetricsSource;
import dev.roost.web.live.LiveFeed;
import dev.roost.web.rules.RuleBook;
import dev.roost.web.settings.HubLocation;
import dev.roost.web.users.TopicAccess;
import dev.roost.web.users.UserAdmin;

import java.time.Clock;

/** Everything the web UI reads and drives, each through an interface this module owns; the hub supplies them. */
public record WebServices(
        HubStatus status,
        Accounts accounts,
        BearerTokens tokens,
        ApiTokens apiTokens,
        UserAdmin users,
        TopicAccess topicAccess,
        DeviceDirectory devices,
        RuleBook rules,
        MetricsSource metrics,
        LiveFeed live,
        BrokerView broker,
        HistorySource history,
        HubLocation location,
        Clock clock) {
}
