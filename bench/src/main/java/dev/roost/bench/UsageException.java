package dev.roost.bench;

/** A command line the tool cannot act on; LoadTool turns it into exit code 2 and a one-line reason. */
final class UsageException extends RuntimeException {
    UsageException(String reason) {
        super(reason);
    }
}
