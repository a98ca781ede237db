package dev.roost.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final SteppingClock clock = new SteppingClock();
    private final Sessions sessions = new Sessions(clock);

    @Test
    void eachSessionHasItsOwnUnguessableIdAndCsrfToken() {
        Sessions.Session a = sessions.create("admin");
        Sessions.Session b = sessions.create("admin");

        assertThat(a.id()).isNotEqualTo(b.id()).hasSize(43);
        assertThat(a.csrfToken()).isNotEqualTo(b.csrfToken()).isNotEqualTo(a.id()).hasSize(43);
    }

    @Test
    void aSessionExpiresAfterThirtyIdleDaysButEachRequestRenewsIt() {
        Sessions.Session used = sessions.create("admin");
        Sessions.Session idle = sessions.create("admin");

        clock.advance(Duration.ofDays(20));
        assertThat(sessions.touch(used.id())).isPresent();
        clock.advance(Duration.ofDays(11));

        assertThat(sessions.touch(used.id())).isPresent();
        assertThat(sessions.touch(idle.id())).isEmpty();
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsOnly() {
        Sessions.Session phone = sessions.create("admin");
        Sessions.Session laptop = sessions.create("admin");
        Sessions.Session other = sessions.create("guest");

        sessions.endOthers("admin", phone.id());

        assertThat(sessions.touch(phone.id())).isPresent();
        assertThat(sessions.touch(laptop.id())).isEmpty();
        assertThat(sessions.touch(other.id())).isPresent();
    }

    @Test
    void unknownOrMissingIdsFindNothing() {
        assertThat(sessions.touch(null)).isEmpty();
        assertThat(sessions.touch("made-up")).isEmpty();
    }
}
