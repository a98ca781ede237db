package dev.roost.web.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recorded numeric values of state topics, as the history screen reads them; the hub implements it on its
 * store. A series is one topic and one numeric field of its payload ({@code value} for a bare number).
 */
public interface HistorySource {

    /** Every series with recorded values, ordered by topic and field. */
    List<HistorySeries> series();

    /**
     * The values of one series from {@code from} to {@code to}, both included, oldest first: every reading when
     * there are at most {@code maxPoints}, otherwise one point per equal time bucket with the mean, lowest and
     * highest reading in it, so there are at most {@code maxPoints}.
     *
     * @return empty when nothing was recorded for this topic and field
     */
    Optional<HistoryPoints> points(String topic, String field, Instant from, Instant to, int maxPoints);
}
