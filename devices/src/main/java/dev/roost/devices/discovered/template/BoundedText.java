package dev.roost.devices.discovered.template;

/**
 * A string builder that refuses to grow past {@link Limits#MAX_OUTPUT}, so building a string (the output, a
 * repr, a join) can never take more memory than the output may hold.
 */
final class BoundedText {

    private final StringBuilder text = new StringBuilder();

    BoundedText append(String part) throws TemplateException {
        ensureRoomFor(part.length());
        text.append(part);
        return this;
    }

    BoundedText append(char c) throws TemplateException {
        ensureRoomFor(1);
        text.append(c);
        return this;
    }

    /** Fails unless a string of {@code length} characters is within the bound: for results sized before building. */
    static void check(long length) throws TemplateException {
        if (length > Limits.MAX_OUTPUT) {
            throw tooLong();
        }
    }

    private void ensureRoomFor(int more) throws TemplateException {
        if ((long) text.length() + more > Limits.MAX_OUTPUT) {
            throw tooLong();
        }
    }

    private static TemplateException tooLong() {
        return new TemplateException("the result is longer than " + Limits.MAX_OUTPUT + " characters");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
