package dev.roost.rules.sandbox;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes literals as canonical MVEL, so MVEL reads exactly the value our lexer read. */
final class Literals {

    private static final Pattern WHOLE = Pattern.compile("(\\(-|)([0-9]+)(\\)|)");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Literals() {
    }

    /**
     * Whole numbers are written without leading zeros (which MVEL would read as octal); those beyond a
     * {@code long} and decimals become doubles, and a number too large for a double is refused.
     */
    static String number(Token token) throws ExpressionRejected {
        String text = token.value();
        boolean whole = text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (whole) {
            BigInteger value = new BigInteger(text);
            if (value.compareTo(LONG_MAX) <= 0) {
                return value.toString();
            }
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw ExpressionRejected.syntax(token.at(), "number", "the number " + text + " is too large");
        }
        return Double.toString(value);
    }

    /** {@code 3} as {@code 3.0} and {@code (-3)} as {@code (-3.0)}; any other MVEL text unchanged. */
    static String wholeAsDouble(String mvel) {
        Matcher whole = WHOLE.matcher(mvel);
        return whole.matches() ? whole.group(1) + whole.group(2) + ".0" + whole.group(3) : mvel;
    }

    /** A single-quoted MVEL string with the characters MVEL treats specially escaped. */
    static String string(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }
}
