package dev.roost.bench;

/** One load pattern. Implementations are records of their settings, so tests can build them without flags. */
interface Scenario {
    /** @throws ScenarioAbortedException when the broker could not be driven far enough to measure */
    Result run(Connector connector, RunNames names);

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0.0 : count * 1e9 / nanos;
    }

    /** Receipt rate over the span between the first and last receipt, which excludes setup and drain waits. */
    static double receiveRate(long received, long firstNanos, long lastNanos) {
        return received < 2 ? 0.0 : perSecond(received - 1, lastNanos - firstNanos);
    }

    /** A short note for the summary explaining why a run did not account for every message, or "" if it did. */
    static String incompleteNote(boolean settled, long missing, int dropped) {
        StringBuilder note = new StringBuilder();
        if (!settled) {
            note.append("; not every publish was acknowledged in time");
        }
        if (missing > 0) {
            note.append("; ").append(missing).append(" deliveries never arrived before the drain timeout");
        }
        if (dropped > 0) {
            note.append("; ").append(dropped).append(" connection(s) closed during the run");
        }
        return note.length() == 0 ? "" : "  (INCOMPLETE" + note + ")";
    }
}
