package dev.roost.hub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the hub has started, with how to stop each: stopped in reverse order, so nothing is stopped while a part
 * started after it still uses it, and a failure to stop one part does not keep the others running.
 */
final class Parts {

    private static final Logger log = LoggerFactory.getLogger(Parts.class);

    /** How to stop one part. */
    @FunctionalInterface
    interface Stopper<T> {
        void stop(T part) throws Exception;
    }

    private record Entry<T>(T part, Stopper<T> stopper) {
        void stop() {
            try {
                stopper.stop(part);
            } catch (Exception | LinkageError e) {
                log.atWarn().setCause(e).addKeyValue("part", part.getClass().getSimpleName()).log("could not stop");
            }
        }
    }

    private final Deque<Entry<?>> started = new ArrayDeque<>();

    <T> T add(T part, Stopper<T> stopper) {
        started.push(new Entry<>(part, stopper));
        return part;
    }

    void stopAll() {
        while (!started.isEmpty()) {
            started.pop().stop();
        }
    }
}
