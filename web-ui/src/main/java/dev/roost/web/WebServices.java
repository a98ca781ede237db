package dev.roost.web;

import dev.roost.web.auth.Accounts;
import dev.roost.web.auth.BearerTokens;
import dev.roost.web.devices.DeviceDirectory;
import dev.roost.web.live.LiveFeed;
import dev.roost.web.rules.RuleBook;
import dev.roost.web.users.UserAdmin;

import java.time.Clock;

/** Everything the web UI reads and drives, each through an interface this module owns; the hub supplies them. */
public record WebServices(
        HubStatus status,
        Accounts accounts,
        BearerTokens tokens,
        UserAdmin users,
        DeviceDirectory devices,
        RuleBook rules,
        LiveFeed live,
        Clock clock) {
}
