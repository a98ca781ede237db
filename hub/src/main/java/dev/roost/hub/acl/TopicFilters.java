package dev.roost.hub.acl;

import dev.roost.hub.broker.subscription.Topics;

/** Comparisons of MQTT topic filters for permission checks. */
final class TopicFilters {

    private TopicFilters() {
    }

    /**
     * Whether every topic {@code requested} can match is also matched by {@code allowed}: "home/+/state" is
     * within "home/#", "home/#" is not within "home/+/state". A leading wildcard never covers '$' topics.
     */
    static boolean covers(String allowed, String requested) {
        String[] a = Topics.split(allowed);
        String[] r = Topics.split(requested);
        if (r[0].startsWith("$") && (a[0].equals("+") || a[0].equals("#"))) {
            return false; // [MQTT-4.7.2-1]
        }
        for (int i = 0; ; i++) {
            if (i == a.length) {
                return i == r.length;
            }
            if (a[i].equals("#")) {
                return true;
            }
            if (i == r.length || r[i].equals("#")) {
                return false;
            }
            if (a[i].equals("+")) {
                continue;
            }
            if (r[i].equals("+") || !a[i].equals(r[i])) {
                return false;
            }
        }
    }
}
