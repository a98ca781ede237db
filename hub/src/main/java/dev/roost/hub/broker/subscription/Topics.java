package dev.roost.hub.broker.subscription;

/**
 * Validation of topic names (PUBLISH) and topic filters (SUBSCRIBE) against MQTT 3.1.1 section 4.7 and
 * the broker's own size limits.
 */
public final class Topics {

    private Topics() {
    }

    /** Why a topic name or filter was refused, or {@code null} when it is acceptable. */
    public static String checkName(String name, int maxBytes, int maxLevels) {
        if (name == null || name.isEmpty()) {
            return "empty topic name"; // [MQTT-4.7.3-1]
        }
        if (name.indexOf('+') >= 0 || name.indexOf('#') >= 0) {
            return "wildcard in topic name"; // [MQTT-3.3.2-2]
        }
        return checkSize(name, maxBytes, maxLevels);
    }

    /** Why a topic filter was refused, or {@code null} when it is acceptable. */
    public static String checkFilter(String filter, int maxBytes, int maxLevels) {
        if (filter == null || filter.isEmpty()) {
            return "empty topic filter"; // [MQTT-4.7.3-1]
        }
        int levelStart = 0;
        for (int i = 0; i <= filter.length(); i++) {
            if (i == filter.length() || filter.charAt(i) == '/') {
                String level = filter.substring(levelStart, i);
                if (level.indexOf('#') >= 0 && (!level.equals("#") || i != filter.length())) {
                    return "'#' must be a whole level and the last one"; // [MQTT-4.7.1-2]
                }
                if (level.indexOf('+') >= 0 && !level.equals("+")) {
                    return "'+' must occupy a whole level"; // [MQTT-4.7.1-3]
                }
                levelStart = i + 1;
            }
        }
        return checkSize(filter, maxBytes, maxLevels);
    }

    private static String checkSize(String topic, int maxBytes, int maxLevels) {
        if (utf8Length(topic) > maxBytes) {
            return "longer than " + maxBytes + " bytes";
        }
        if (levels(topic) > maxLevels) {
            return "more than " + maxLevels + " levels";
        }
        return null;
    }

    static int levels(String topic) {
        int count = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }

    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Splits a topic or filter into its levels; empty levels are kept ("a//b" has three). */
    public static String[] split(String topic) {
        String[] levels = new String[levels(topic)];
        int start = 0;
        int index = 0;
        for (int i = 0; i <= topic.length(); i++) {
            if (i == topic.length() || topic.charAt(i) == '/') {
                levels[index++] = topic.substring(start, i);
                start = i + 1;
            }
        }
        return levels;
    }

    /** Whether one filter matches one topic name; for single checks, the tree does it for routing. */
    public static boolean matches(String filter, String topic) {
        String[] f = split(filter);
        String[] t = split(topic);
        if (topic.startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
            return false; // [MQTT-4.7.2-1]
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
