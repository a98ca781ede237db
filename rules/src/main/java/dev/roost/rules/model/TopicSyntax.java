package dev.roost.rules.model;

/** The MQTT rules for topic names and filters, so a rule cannot subscribe or publish to what the broker rejects. */
public final class TopicSyntax {

    private TopicSyntax() {
    }

    /** Why {@code name} cannot be published to, or null when it can. */
    public static String nameProblem(String name) {
        String basic = basicProblem(name);
        if (basic != null) {
            return basic;
        }
        // Wildcards belong to filters only [MQTT-4.7.1-1].
        if (name.contains("+") || name.contains("#")) {
            return "a topic to publish to must not contain '+' or '#'";
        }
        return null;
    }

    /** Why {@code filter} cannot be subscribed to, or null when it can. */
    public static String filterProblem(String filter) {
        String basic = basicProblem(filter);
        if (basic != null) {
            return basic;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            // '#' must be a whole level and the last one [MQTT-4.7.1-2].
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "'#' must be a whole level at the end of the filter";
            }
            // '+' must be a whole level [MQTT-4.7.1-3].
            if (level.contains("+") && !level.equals("+")) {
                return "'+' must be a whole level of the filter";
            }
        }
        return null;
    }

    private static String basicProblem(String topic) {
        // A topic is at least one character [MQTT-4.7.3-1] and holds no NUL [MQTT-4.7.3-2].
        if (topic == null || topic.isEmpty()) {
            return "is required";
        }
        if (topic.indexOf('\u0000') >= 0) {
            return "must not contain the NUL character";
        }
        return null;
    }
}
