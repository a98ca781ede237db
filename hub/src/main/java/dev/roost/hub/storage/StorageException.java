package dev.roost.hub.storage;

/** The hub's database cannot be opened or migrated; the message names the file and the reason, for a person. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
