package dev.roost.devices.discovered.template;

import dev.roost.devices.discovered.template.Token.Kind;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into text and the tokens inside its {@code {{ }}} and {@code {% %}} tags, the way Jinja's
 * lexer does: comments dropped, {@code -} whitespace control applied to the neighbouring text, newlines
 * normalised and one trailing newline removed (Jinja's {@code keep_trailing_newline=False}).
 */
final class Lexer {

    // Jinja's own number patterns (jinja2/lexer.py), so that 1_000, 0x1F and 1e-3 lex as they do there.
    private static final Pattern FLOAT = Pattern.compile(
            "(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
    private static final Pattern INTEGER = Pattern.compile(
            "(?i)(0b(_?[01])+|0o(_?[0-7])+|0x(_?[0-9a-f])+|[1-9](_?\\d)*|0(_?0)*)");
    private static final String[] OPERATORS = {
        "//", "**", "==", "!=", ">=", "<=",
        "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"};

    private final String src;
    private final int[] lineStarts;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean stripNextText;

    private Lexer(String src) {
        this.src = src;
        this.lineStarts = lineStarts(src);
    }

    static List<Token> tokenize(String source) throws TemplateException {
        return new Lexer(normalizeNewlines(source)).run();
    }

    private static String normalizeNewlines(String source) {
        String text = source.replace("\r\n", "\n").replace('\r', '\n');
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private List<Token> run() throws TemplateException {
        while (pos < src.length()) {
            int start = nextTagStart();
            boolean stripBefore = start >= 0 && start + 2 < src.length() && src.charAt(start + 2) == '-';
            String text = src.substring(pos, start < 0 ? src.length() : start);
            if (stripNextText) {
                text = PyStrings.stripLeading(text);
            }
            if (stripBefore) {
                text = PyStrings.stripTrailing(text);
            }
            if (!text.isEmpty()) {
                tokens.add(token(Kind.TEXT, text, null, pos));
            }
            stripNextText = false;
            if (start < 0) {
                break;
            }
            char kind = src.charAt(start + 1);
            pos = start + 2;
            // "{%+" only turns off lstrip_blocks, which Home Assistant does not turn on.
            if (stripBefore || (kind == '%' && pos < src.length() && src.charAt(pos) == '+')) {
                pos++;
            }
            if (kind == '#') {
                skipComment(start);
            } else {
                lexTag(kind == '{', start);
            }
        }
        tokens.add(token(Kind.END, "", null, src.length()));
        return tokens;
    }

    private int nextTagStart() {
        for (int i = src.indexOf('{', pos); i >= 0 && i + 1 < src.length(); i = src.indexOf('{', i + 1)) {
            char next = src.charAt(i + 1);
            if (next == '{' || next == '%' || next == '#') {
                return i;
            }
        }
        return -1;
    }

    private void skipComment(int start) throws TemplateException {
        int end = src.indexOf("#}", pos);
        if (end < 0) {
            throw error(start, "the comment is never closed; expected '#}'");
        }
        stripNextText = end > pos && src.charAt(end - 1) == '-';
        pos = end + 2;
    }

    /** Tokens up to the closing delimiter; as in Jinja, a delimiter inside open brackets is not one. */
    private void lexTag(boolean variable, int start) throws TemplateException {
        tokens.add(token(variable ? Kind.VARIABLE_BEGIN : Kind.BLOCK_BEGIN, variable ? "{{" : "{%", null, start));
        Deque<Character> open = new ArrayDeque<>();
        String close = variable ? "}}" : "%}";
        while (true) {
            while (pos < src.length() && PyStrings.isSpace(src.charAt(pos))) {
                pos++;
            }
            if (pos >= src.length()) {
                return; // the parser reports the missing delimiter at the end
            }
            if (open.isEmpty()) {
                boolean strip = src.startsWith("-" + close, pos);
                if (strip || src.startsWith(close, pos) || (!variable && src.startsWith("+%}", pos))) {
                    tokens.add(token(variable ? Kind.VARIABLE_END : Kind.BLOCK_END, close, null, pos));
                    pos += src.startsWith(close, pos) ? 2 : 3;
                    stripNextText = strip;
                    return;
                }
                String wrong = variable ? "%}" : "}}";
                if (src.startsWith(wrong, pos)) {
                    throw error(pos, "expected '" + close + "', found '" + wrong + "'");
                }
            }
            lexToken(open);
        }
    }

    private void lexToken(Deque<Character> open) throws TemplateException {
        char c = src.charAt(pos);
        if (c == '\'' || c == '"') {
            lexString(c);
        } else if (c >= '0' && c <= '9') {
            lexNumber();
        } else if (c == '_' || Character.isUnicodeIdentifierStart(c)) {
            int end = pos + 1;
            while (end < src.length() && Character.isUnicodeIdentifierPart(src.charAt(end))
                    && !Character.isIdentifierIgnorable(src.charAt(end))) {
                end++;
            }
            tokens.add(token(Kind.NAME, src.substring(pos, end), null, pos));
            pos = end;
        } else {
            lexOperator(open);
        }
    }

    private void lexOperator(Deque<Character> open) throws TemplateException {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                char c = op.charAt(0);
                if (op.length() == 1 && "([{".indexOf(c) >= 0) {
                    open.push(c);
                } else if (op.length() == 1 && ")]}".indexOf(c) >= 0 && !open.isEmpty()) {
                    char expected = "([{".charAt(")]}".indexOf(c));
                    if (open.peek() != expected) {
                        throw error(pos, "unexpected '" + c + "'");
                    }
                    open.pop();
                }
                tokens.add(token(Kind.OPERATOR, op, null, pos));
                pos += op.length();
                return;
            }
        }
        throw error(pos, "unexpected character '" + src.charAt(pos) + "'");
    }

    private void lexNumber() throws TemplateException {
        // After a '.', "0.1" is two subscripts (value_json.hsb.0), as Jinja's lookbehind makes it.
        boolean afterDot = !tokens.isEmpty() && tokens.get(tokens.size() - 1).isOperator(".");
        Matcher floating = FLOAT.matcher(src).region(pos, src.length());
        if (!afterDot && floating.lookingAt()) {
            String text = floating.group();
            tokens.add(token(Kind.FLOAT, text, Double.parseDouble(text.replace("_", "")), pos));
            pos = floating.end();
            return;
        }
        Matcher integer = INTEGER.matcher(src).region(pos, src.length());
        if (!integer.lookingAt()) {
            throw error(pos, "invalid number");
        }
        String text = integer.group();
        String digits = text.replace("_", "").toLowerCase();
        int radix = digits.startsWith("0x") ? 16 : digits.startsWith("0o") ? 8 : digits.startsWith("0b") ? 2 : 10;
        BigInteger value = new BigInteger(radix == 10 ? digits : digits.substring(2), radix);
        tokens.add(token(Kind.INTEGER, text, PyNumbers.normalize(value), pos));
        pos = integer.end();
    }

    private void lexString(char quote) throws TemplateException {
        int start = pos;
        int i = pos + 1;
        while (i < src.length() && src.charAt(i) != quote) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= src.length()) {
            throw error(start, "the string is never closed");
        }
        String value;
        try {
            value = StringEscapes.decode(src.substring(start + 1, i));
        } catch (IllegalArgumentException e) {
            throw error(start, e.getMessage());
        }
        tokens.add(token(Kind.STRING, src.substring(start, i + 1), value, start));
        pos = i + 1;
    }

    private Token token(Kind kind, String text, Object value, int offset) {
        int line = Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new Token(kind, text, value, line + 1, offset - lineStarts[line] + 1);
    }

    private TemplateException error(int offset, String reason) {
        return new TemplateException(token(Kind.END, "", null, offset).position() + ": " + reason);
    }

    private static int[] lineStarts(String src) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
