package dev.roost.hub.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Collects what Javalin logs at WARN or above while a browser test runs: browsers that come and go must not
 * make the web server log exceptions (a failed live-stream write once logged gigabytes).
 */
final class JavalinWarnings implements AutoCloseable {

    private final Logger javalin = (Logger) LoggerFactory.getLogger("io.javalin");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    JavalinWarnings() {
        events.start();
        javalin.addAppender(events);
    }

    /** Stops collecting and fails when anything was logged at WARN or above. */
    void assertNone() {
        close();
        assertThat(events.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Override
    public void close() {
        javalin.detachAppender(events);
    }
}
