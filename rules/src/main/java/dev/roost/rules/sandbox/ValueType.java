package dev.roost.rules.sandbox;

/**
 * What the sandbox knows at compile time about a sub-expression's value, to choose which methods it may call.
 * {@link #ANY} is a parsed payload or state value: a string, number, boolean, map, list or null.
 */
enum ValueType {
    TEXT("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    TIME("a time"),
    DAY_OR_MONTH("a day of the week or month"),
    /** Known to be a map whatever the message: {@code state} and {@code rule}. */
    MAP("a map"),
    ANY("a value");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The type of {@code a + b}: text if either side is text, a number if both are, else unknown. */
    static ValueType ofSum(ValueType left, ValueType right) {
        if (left == TEXT || right == TEXT) {
            return TEXT;
        }
        return left == NUMBER && right == NUMBER ? NUMBER : ANY;
    }
}
