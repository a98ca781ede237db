package dev.roost.devices.discovered.template;

/**
 * The bounds that keep a template sent by any device on the network from costing the hub more than a trifle.
 * With no loops in the language, these bound the work of one render.
 */
final class Limits {

    /** Longest template source accepted, in characters. */
    static final int MAX_SOURCE = 4_096;

    /** Deepest nesting of brackets, unary operators, conditionals and if blocks, so evaluation needs little stack. */
    static final int MAX_DEPTH = 32;

    /**
     * Longest output, in characters. Every string and list a render builds on the way is held to the same bound,
     * so that {@code 'x' * 10**9} fails before it allocates.
     */
    static final int MAX_OUTPUT = 16_384;

    /** Widest integer arithmetic may make, in bits (about 19,700 decimal digits, more than the output can hold). */
    static final int MAX_INT_BITS = 65_536;

    private Limits() {
    }
}
