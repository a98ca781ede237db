package dev.roost.hub.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.broker.auth.ClientIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFiltersTest {

    @ParameterizedTest(name = "{1} within {0}: {2}")
    @CsvSource({
            "home/#,         home/#,            true",
            "home/#,         home,              true",
            "home/#,         home/+/state,      true",
            "home/+/state,   home/lamp/state,   true",
            "home/+/state,   home/+/state,      true",
            "home/+/state,   home/#,            false",
            "home/+/state,   home/+/+,          false",
            "home/lamp,      home/+,            false",
            "home/lamp,      home/lamp/x,       false",
            "home/lamp/x,    home/lamp,         false",
            "#,              $SYS/broker/load,  false",
            "+/broker/#,     $SYS/broker/#,     false",
            "#,              anything/at/all,   true"})
    void aFilterCoversOnlyWhatItWouldMatch(String allowed, String requested, boolean covered) {
        assertThat(TopicFilters.covers(allowed, requested)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0} for user {1}, client {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "tele/%c/#,  tasmota, plug1,    tele/plug1/#",
            "users/%u/#, anna,    phone,    users/anna/#",
            "users/%u/#, null,    phone,    null",
            "tele/%c/#,  tasmota, a/b,      null",
            "tele/%c/#,  tasmota, '#',      null",
            "users/%u,   'an+na', phone,    null"})
    void substitutionNeverWidensAFilter(String pattern, String user, String client, String expected) {
        assertThat(AclPermissions.substitute(pattern, new ClientIdentity(user, client))).isEqualTo(expected);
    }
}
