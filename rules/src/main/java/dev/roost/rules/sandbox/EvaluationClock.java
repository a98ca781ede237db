package dev.roost.rules.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The two clocks an evaluation is timed with: a cheap wall clock read around every evaluation, and the current
 * thread's CPU clock, read only to confirm that a slow evaluation was slow by itself. Injected so tests can
 * make time pass without sleeping.
 */
interface EvaluationClock {

    long wallNanos();

    /** CPU time the calling thread has used; excludes time it waited for a core, for GC or for the OS. */
    long threadCpuNanos();

    /** System.nanoTime, and the JVM's per-thread CPU time where the platform has it and it is on (Linux: yes). */
    static EvaluationClock system() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        return new EvaluationClock() {
            @Override
            public long wallNanos() {
                return System.nanoTime();
            }

            @Override
            public long threadCpuNanos() {
                // Without a CPU clock (it would read -1) the wall clock is the best there is: slow stays slow.
                return cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            }
        };
    }
}
