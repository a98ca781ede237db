package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code str} operations that templates use, by hand: whitespace as Python defines it, strip, split,
 * replace, title and capitalize, and length and order by code point (Python's unit) rather than UTF-16 char.
 */
final class PyStrings {

    private PyStrings() {
    }

    /** Python's {@code str.isspace} for one char (Unicode spaces, and the separators \x1c-\x1f and \x85). */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    static String stripLeading(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code str.strip(chars)}; null chars means whitespace. */
    static String strip(String s, String chars) {
        if (chars == null) {
            return stripTrailing(stripLeading(s));
        }
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** {@code str.capitalize}: the first character upper case, the rest lower case. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.offsetByCodePoints(0, 1);
        return upper(s.substring(0, first)) + lower(s.substring(first));
    }

    /**
     * Jinja's {@code title} filter (not Python's {@code str.title}): words begin after whitespace, '-', '(', '{',
     * '[' or '<'; each word gets its first character upper case and the rest lower case.
     */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            String one = new String(Character.toChars(c));
            boolean separator = isSpace(c) || "-({[<".indexOf(c) >= 0;
            out.append(separator ? one : wordStart ? upper(one) : lower(one));
            wordStart = separator;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** {@code str.split(sep, maxsplit)}; null sep splits on runs of whitespace and drops empty parts. */
    static List<Object> split(String s, String sep, long maxSplit) {
        List<Object> parts = new ArrayList<>();
        long limit = maxSplit < 0 ? Long.MAX_VALUE : maxSplit;
        if (sep == null) {
            int i = 0;
            while (true) {
                while (i < s.length() && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    return parts;
                }
                if (parts.size() >= limit) {
                    parts.add(s.substring(i)); // Python keeps the rest as it is, trailing spaces too
                    return parts;
                }
                int end = i;
                while (end < s.length() && !isSpace(s.charAt(end))) {
                    end++;
                }
                parts.add(s.substring(i, end));
                i = end;
            }
        }
        int start = 0;
        for (int at = s.indexOf(sep); at >= 0 && parts.size() < limit; at = s.indexOf(sep, start)) {
            parts.add(s.substring(start, at));
            start = at + sep.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** {@code str.replace(old, new, count)}, sized before it is built so it cannot outgrow the output bound. */
    static String replace(String s, String old, String replacement, long count) throws TemplateException {
        long limit = count < 0 ? Long.MAX_VALUE : count;
        if (old.isEmpty()) {
            // Python inserts the replacement before every character and at the end.
            long slots = Math.min(limit, (long) length(s) + 1);
            BoundedText.check(s.length() + slots * replacement.length());
            StringBuilder out = new StringBuilder();
            int i = 0;
            for (long n = 0; n < slots; n++) {
                out.append(replacement);
                if (i < s.length()) {
                    int next = s.offsetByCodePoints(i, 1);
                    out.append(s, i, next);
                    i = next;
                }
            }
            return out.append(s.substring(i)).toString();
        }
        long found = 0;
        for (int at = s.indexOf(old); at >= 0 && found < limit; at = s.indexOf(old, at + old.length())) {
            found++;
        }
        BoundedText.check(s.length() + found * (replacement.length() - old.length()));
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (long n = 0; n < found; n++) {
            int at = s.indexOf(old, start);
            out.append(s, start, at).append(replacement);
            start = at + old.length();
        }
        return out.append(s.substring(start)).toString();
    }

    /** Python's {@code len(s)}: code points, not UTF-16 chars. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The code points of {@code s} as one-character strings, as iterating a Python string gives them. */
    static List<Object> characters(String s) {
        List<Object> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); ) {
            int next = s.offsetByCodePoints(i, 1);
            out.add(s.substring(i, next));
            i = next;
        }
        return out;
    }

    /** Python string ordering: by code point, which UTF-16 {@code compareTo} is not for characters past U+FFFF. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
