package dev.roost.rules.store;

/** The rule database could not be read or written; an I/O failure, not a user's mistake. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
