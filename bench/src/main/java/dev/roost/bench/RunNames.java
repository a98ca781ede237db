package dev.roost.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Topic and client-id names unique to one run, so leftovers from an earlier run on the same broker (or another
 * test sharing it) can never be counted as this run's messages or kick this run's clients off with a duplicate id.
 */
record RunNames(String runId) {

    static RunNames random() {
        return new RunNames(Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000)));
    }

    String topic(String suffix) {
        return "bench/" + runId + "/" + suffix;
    }

    /** Short on purpose: MQTT 3.1.1 only obliges brokers to accept client ids up to 23 characters. */
    String clientId(char role, int index) {
        return "rb" + runId + role + index;
    }
}
