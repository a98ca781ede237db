package dev.roost.devices.discovered.template;

/**
 * Decodes the backslash escapes of a string literal as Jinja does (it hands the literal to Python's
 * {@code unicode_escape} codec): {@code \n}, {@code \x41}, {@code \u00e9}, {@code \N{DEGREE SIGN}}, octal;
 * an unknown escape such as {@code \d} is kept as written.
 */
final class StringEscapes {

    private StringEscapes() {
    }

    /** The literal's value; IllegalArgumentException names a malformed escape. */
    static String decode(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { } // a backslash before a newline joins the lines
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = appendHex(body, i, 2, out);
                case 'u' -> i = appendHex(body, i, 4, out);
                case 'U' -> i = appendHex(body, i, 8, out);
                case 'N' -> i = appendNamed(body, i, out);
                default -> i = appendOctalOrKeep(body, i, e, out);
            }
        }
        return out.toString();
    }

    private static int appendOctalOrKeep(String body, int i, char e, StringBuilder out) {
        if (e < '0' || e > '7') {
            out.append('\\').append(e);
            return i;
        }
        int end = i;
        while (end < body.length() && end < i + 2 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
            end++;
        }
        out.append((char) Integer.parseInt(body.substring(i - 1, end), 8));
        return end;
    }

    private static int appendHex(String body, int start, int digits, StringBuilder out) {
        if (start + digits > body.length()) {
            throw truncated(digits);
        }
        int codePoint;
        try {
            codePoint = Integer.parseUnsignedInt(body.substring(start, start + digits), 16);
        } catch (NumberFormatException e) {
            throw truncated(digits);
        }
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("the escape \\U" + body.substring(start, start + digits)
                    + " is not a Unicode character");
        }
        out.appendCodePoint(codePoint);
        return start + digits;
    }

    private static IllegalArgumentException truncated(int digits) {
        String escape = digits == 2 ? "\\xXX" : digits == 4 ? "\\uXXXX" : "\\UXXXXXXXX";
        return new IllegalArgumentException("malformed " + escape + " escape in a string");
    }

    private static int appendNamed(String body, int start, StringBuilder out) {
        int end = body.indexOf('}', start);
        if (start >= body.length() || body.charAt(start) != '{' || end < 0) {
            throw new IllegalArgumentException("malformed \\N{...} escape in a string");
        }
        String name = body.substring(start + 1, end);
        try {
            out.appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Unicode character name in \\N{" + name + "}");
        }
        return end + 1;
    }
}
