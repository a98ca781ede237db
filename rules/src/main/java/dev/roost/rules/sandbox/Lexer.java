package dev.roost.rules.sandbox;

import java.util.List;

/**
 * Splits expression text into tokens, tracking line and column. It knows names, numbers, strings, comments and
 * punctuation (longest match, so {@code +=} or {@code ?.} arrive as one symbol the parser can name); anything
 * else is rejected here. Not thread-safe: one lexer per compilation.
 */
final class Lexer {

    /** Longest first, so that {@code >>>=} is not read as {@code >>} followed by {@code >=}. */
    private static final List<String> SYMBOLS = List.of(
            ">>>=", ">>>", "<<=", ">>=",
            "&&", "||", "==", "!=", "<=", ">=", "?.", ".?", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
            "^=", "<<", ">>", "~=", "**", "::", "->",
            "+", "-", "*", "/", "%", "<", ">", "=", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}", ";",
            "&", "|", "^", "~", "@", "$", "#");

    private final String text;
    private int pos;
    private int line;
    private int column;

    /** Reads {@code text} from {@code start}, which is at the given 1-based line and column of the author's text. */
    Lexer(String text, int start, SourcePoint startsAt) {
        this.text = text;
        this.pos = start;
        this.line = startsAt.line();
        this.column = startsAt.column();
    }

    Token next() throws ExpressionRejected {
        skipSpaceAndComments();
        SourcePoint at = here();
        if (pos >= text.length()) {
            return new Token(Token.Kind.END, "", null, at, pos);
        }
        char c = text.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            return name(at);
        }
        if (c >= '0' && c <= '9') {
            return number(at);
        }
        if (c == '\'' || c == '"') {
            return string(at, c);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, pos)) {
                advance(symbol.length());
                return new Token(Token.Kind.SYMBOL, symbol, null, at, pos);
            }
        }
        throw ExpressionRejected.notAllowed(at, "character '" + printable(c) + "'");
    }

    private Token name(SourcePoint at) {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            advance(1);
        }
        String name = text.substring(start, pos);
        return new Token(Token.Kind.NAME, name, name, at, pos);
    }

    private Token number(SourcePoint at) throws ExpressionRejected {
        int start = pos;
        digits();
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(pos + 1)) {
            advance(1);
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            advance(1);
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                advance(1);
            }
            if (!isDigit(pos)) {
                throw ExpressionRejected.syntax(here(), "number", "a number's exponent needs digits after '"
                        + text.substring(mark, pos) + "'");
            }
            digits();
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw ExpressionRejected.syntax(here(), "number", "a number cannot be followed by '"
                    + text.charAt(pos) + "'; write plain decimal numbers such as 18 or 17.5");
        }
        String number = text.substring(start, pos);
        return new Token(Token.Kind.NUMBER, number, number, at, pos);
    }

    private Token string(SourcePoint at, char quote) throws ExpressionRejected {
        int start = pos;
        advance(1);
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos);
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                advance(1);
            }
        }
        if (pos >= text.length()) {
            throw ExpressionRejected.syntax(at, "string", "the string starting here is not closed with " + quote);
        }
        advance(1);
        return new Token(Token.Kind.STRING, text.substring(start, pos), value.toString(), at, pos);
    }

    private char escape() throws ExpressionRejected {
        SourcePoint at = here();
        if (pos + 1 >= text.length()) {
            throw ExpressionRejected.syntax(at, "string", "a string cannot end with a single '\\'");
        }
        char escaped = text.charAt(pos + 1);
        advance(2);
        return switch (escaped) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '\\', '\'', '"' -> escaped;
            default -> throw ExpressionRejected.syntax(at, "string",
                    "unknown escape '\\" + escaped + "'; use \\n, \\t, \\r, \\\\, \\' or \\\"");
        };
    }

    private void skipSpaceAndComments() throws ExpressionRejected {
        while (pos < text.length()) {
            if (Character.isWhitespace(text.charAt(pos))) {
                advance(1);
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    advance(1);
                }
            } else if (text.startsWith("/*", pos)) {
                SourcePoint at = here();
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw ExpressionRejected.syntax(at, "comment", "the comment starting here is not closed with */");
                }
                advance(close + 2 - pos);
            } else {
                return;
            }
        }
    }

    private void digits() {
        while (isDigit(pos)) {
            advance(1);
        }
    }

    private boolean isDigit(int at) {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    private void advance(int count) {
        for (int i = 0; i < count; i++) {
            if (text.charAt(pos) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            pos++;
        }
    }

    private SourcePoint here() {
        return new SourcePoint(line, column);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
