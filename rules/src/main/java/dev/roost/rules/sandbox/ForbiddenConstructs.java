package dev.roost.rules.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * Names for the MVEL and Java constructs the sandbox refuses, so an error says "while loop" rather than
 * "unexpected token". Keywords are refused wherever they appear, even where MVEL would read them as a name,
 * because the author meant the construct.
 */
final class ForbiddenConstructs {

    private static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("new", "new"),
            Map.entry("import", "import"),
            Map.entry("import_static", "import"),
            Map.entry("def", "function definition (def)"),
            Map.entry("function", "function definition (function)"),
            Map.entry("while", "while loop"),
            Map.entry("until", "until loop"),
            Map.entry("for", "for loop"),
            Map.entry("foreach", "foreach loop"),
            Map.entry("do", "do loop"),
            Map.entry("if", "if statement (use a ? b : c)"),
            Map.entry("else", "else"),
            Map.entry("return", "return"),
            Map.entry("switch", "switch"),
            Map.entry("with", "with block"),
            Map.entry("isdef", "isdef"),
            Map.entry("in", "projection (in)"),
            Map.entry("instanceof", "instanceof"),
            Map.entry("is", "instanceof (is)"),
            Map.entry("convertable_to", "convertable_to"),
            Map.entry("contains", "contains operator (use .contains(...))"),
            Map.entry("soundslike", "soundslike operator"),
            Map.entry("strsim", "strsim operator"),
            Map.entry("var", "variable declaration (var)"),
            Map.entry("assert", "assert"),
            Map.entry("this", "this"),
            Map.entry("class", "class"),
            Map.entry("typeof", "typeof"),
            Map.entry("empty", "empty literal"),
            Map.entry("nil", "nil literal (use null)"));

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("=", "assignment"), Map.entry("+=", "assignment"), Map.entry("-=", "assignment"),
            Map.entry("*=", "assignment"), Map.entry("/=", "assignment"), Map.entry("%=", "assignment"),
            Map.entry("&=", "assignment"), Map.entry("|=", "assignment"), Map.entry("^=", "assignment"),
            Map.entry("<<=", "assignment"), Map.entry(">>=", "assignment"), Map.entry(">>>=", "assignment"),
            Map.entry("++", "increment"), Map.entry("--", "decrement"),
            Map.entry(";", "statement separator ';'"),
            Map.entry("{", "block or inline map '{'"), Map.entry("}", "block '}'"),
            Map.entry("?.", "null-safe navigation '?.'"), Map.entry(".?", "null-safe navigation '.?'"),
            Map.entry("@", "template or annotation '@'"), Map.entry("$", "'$'"), Map.entry("#", "'#'"),
            Map.entry("&", "bitwise operator '&'"), Map.entry("|", "bitwise operator '|'"),
            Map.entry("^", "bitwise operator '^'"), Map.entry("~", "bitwise operator '~'"),
            Map.entry("<<", "shift operator '<<'"), Map.entry(">>", "shift operator '>>'"),
            Map.entry(">>>", "shift operator '>>>'"), Map.entry("~=", "regular-expression match '~='"),
            Map.entry("**", "power operator '**' (use Math.pow)"), Map.entry("::", "method reference '::'"),
            Map.entry("->", "lambda '->'"));

    /** Package roots that MVEL would read as a fully qualified class name. */
    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jdk", "sun", "com", "org", "net", "io", "dev", "groovy", "kotlin", "scala");

    private ForbiddenConstructs() {
    }

    /** The construct a reserved word stands for, or null for an ordinary name. */
    static String keyword(String name) {
        return KEYWORDS.get(name);
    }

    /** The construct a symbol stands for, or null for a symbol that is only misplaced. */
    static String symbol(String symbol) {
        return SYMBOLS.get(symbol);
    }

    static boolean isPackageRoot(String name) {
        return PACKAGE_ROOTS.contains(name);
    }
}
