package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into text, {@code {{ }}} outputs, comments and the two statements offered, {@code if} (with
 * {@code elif} and {@code else}) and {@code set}; whitespace control ({@code {%-}, {@code -%}}) strips the
 * whitespace beside a tag. Any other statement is refused by name.
 */
final class TemplateParser {

    private static final Pattern SET = Pattern.compile("set\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)", Pattern.DOTALL);

    private record Tag(char kind, String body) {
    }

    private final List<Object> parts = new ArrayList<>();
    private int at;

    private TemplateParser() {
    }

    static List<Node> parse(String source) throws TemplateException {
        TemplateParser parser = new TemplateParser();
        parser.split(source);
        List<Node> nodes = parser.block(List.of());
        if (parser.at < parser.parts.size()) {
            Tag tag = (Tag) parser.parts.get(parser.at);
            throw new TemplateException("'" + tag.body().split("\\s+")[0] + "' without a matching 'if'");
        }
        return nodes;
    }

    /** Fills {@link #parts} with text (String) and tags, applying whitespace control. */
    private void split(String source) throws TemplateException {
        int i = 0;
        boolean stripNext = false;
        while (i < source.length()) {
            int open = nextOpen(source, i);
            String text = source.substring(i, open < 0 ? source.length() : open);
            if (stripNext) {
                text = text.stripLeading();
            }
            if (open < 0) {
                addText(text);
                return;
            }
            char kind = source.charAt(open + 1);
            String close = kind == '{' ? "}}" : kind == '%' ? "%}" : "#}";
            int end = source.indexOf(close, open + 2);
            if (end < 0) {
                throw new TemplateException("'" + source.substring(open, open + 2) + "' is not closed by '" + close + "'");
            }
            String body = source.substring(open + 2, end);
            if (body.startsWith("-")) {
                text = text.stripTrailing();
                body = body.substring(1);
            }
            stripNext = body.endsWith("-");
            if (stripNext) {
                body = body.substring(0, body.length() - 1);
            }
            addText(text);
            if (kind != '#') {
                parts.add(new Tag(kind, body.strip()));
            }
            i = end + 2;
        }
    }

    private static int nextOpen(String source, int from) {
        int best = -1;
        for (String open : new String[] {"{{", "{%", "{#"}) {
            int found = source.indexOf(open, from);
            if (found >= 0 && (best < 0 || found < best)) {
                best = found;
            }
        }
        return best;
    }

    private void addText(String text) {
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    /** Nodes up to (not including) a statement whose keyword is in {@code ends}. */
    private List<Node> block(List<String> ends) throws TemplateException {
        List<Node> nodes = new ArrayList<>();
        while (at < parts.size()) {
            Object part = parts.get(at);
            if (part instanceof String text) {
                nodes.add(new Node.Text(text));
                at++;
                continue;
            }
            Tag tag = (Tag) part;
            if (tag.kind() == '{') {
                nodes.add(new Node.Output(ExpressionParser.parse(tag.body())));
                at++;
                continue;
            }
            String keyword = tag.body().split("\\s+", 2)[0];
            if (ends.contains(keyword)) {
                return nodes;
            }
            at++;
            switch (keyword) {
                case "if" -> nodes.add(ifStatement(tag.body().substring(2)));
                case "set" -> {
                    Matcher set = SET.matcher(tag.body());
                    if (!set.matches()) {
                        throw new TemplateException("expected {% set name = value %}");
                    }
                    nodes.add(new Node.Set(set.group(1), ExpressionParser.parse(set.group(2))));
                }
                default -> throw new TemplateException(ends.isEmpty() || keyword.isEmpty()
                        ? "unsupported tag '" + keyword + "'" : "unsupported tag '" + keyword + "' inside 'if'");
            }
        }
        if (!ends.isEmpty()) {
            throw new TemplateException("'if' is not closed by 'endif'");
        }
        return nodes;
    }

    private Node ifStatement(String condition) throws TemplateException {
        List<Node> conditions = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        conditions.add(ExpressionParser.parse(condition));
        List<String> ends = List.of("elif", "else", "endif");
        bodies.add(block(ends));
        List<Node> otherwise = List.of();
        while (true) {
            if (at >= parts.size()) {
                throw new TemplateException("'if' is not closed by 'endif'");
            }
            Tag tag = (Tag) parts.get(at++);
            String keyword = tag.body().split("\\s+", 2)[0];
            if (keyword.equals("elif")) {
                conditions.add(ExpressionParser.parse(tag.body().substring(4)));
                bodies.add(block(ends));
            } else if (keyword.equals("else")) {
                otherwise = block(List.of("endif"));
                if (at >= parts.size()) {
                    throw new TemplateException("'if' is not closed by 'endif'");
                }
                at++;
                break;
            } else {
                break;
            }
        }
        return new Node.If(conditions, bodies, otherwise);
    }
}
