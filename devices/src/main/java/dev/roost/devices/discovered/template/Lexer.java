package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression (the inside of a tag) into tokens: names, numbers, strings and operators. */
final class Lexer {

    enum Kind { NAME, NUMBER, STRING, OPERATOR, END }

    record Token(Kind kind, String text, Object value) {
    }

    private static final String[] OPERATORS = {"**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~",
        "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", "|", "="};

    private Lexer() {
    }

    static List<Token> tokens(String source) throws TemplateException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, source.substring(start, i), null));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < source.length() && Character.isDigit(source.charAt(i))) {
                    i++;
                }
                boolean decimal = i + 1 < source.length() && source.charAt(i) == '.'
                        && Character.isDigit(source.charAt(i + 1));
                if (decimal) {
                    i++;
                    while (i < source.length() && Character.isDigit(source.charAt(i))) {
                        i++;
                    }
                }
                String text = source.substring(start, i);
                tokens.add(new Token(Kind.NUMBER, text, decimal ? (Object) Double.parseDouble(text)
                        : (Object) Long.parseLong(text)));
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    char ch = source.charAt(j);
                    if (ch == '\\' && j + 1 < source.length()) {
                        char next = source.charAt(++j);
                        text.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
                    } else {
                        text.append(ch);
                    }
                    j++;
                }
                if (j >= source.length()) {
                    throw new TemplateException("a string is not closed: " + source.substring(i));
                }
                tokens.add(new Token(Kind.STRING, text.toString(), text.toString()));
                i = j + 1;
            } else {
                String operator = null;
                for (String candidate : OPERATORS) {
                    if (source.startsWith(candidate, i)) {
                        operator = candidate;
                        break;
                    }
                }
                if (operator == null) {
                    throw new TemplateException("unexpected character '" + c + "' in " + source.strip());
                }
                tokens.add(new Token(Kind.OPERATOR, operator, null));
                i += operator.length();
            }
        }
        tokens.add(new Token(Kind.END, "", null));
        return tokens;
    }
}
