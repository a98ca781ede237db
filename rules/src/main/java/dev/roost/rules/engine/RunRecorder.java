package dev.roost.rules.engine;

/** Where the engine writes each finished run; the rule store implements it on the database. */
public interface RunRecorder {

    /** Keeps a finished run; called on the engine's thread. */
    void record(RunRecord run);
}
