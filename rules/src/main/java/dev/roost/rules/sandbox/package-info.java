/**
 * The MVEL sandbox for rule conditions and {@code @{...}} payload templates.
 *
 * <p>MVEL has no sandbox of its own, so the author's text never reaches it. {@link
 * dev.roost.rules.sandbox.ExpressionCompiler} parses the allowed subset itself (bindings, map and list reads,
 * allow-listed methods per kind of value, {@code Math}, operators, {@code a ? b : c}) and refuses everything else
 * with its line, column and name; it then writes canonical MVEL from the parse, compiles that with an empty
 * parser context, and checks MVEL's compiled tree against the node kinds the canonical MVEL produces. At run
 * time the only variables are the bindings, fields of payload values are read only through {@code FieldReader}
 * (a map's key or a list's item), results must be of the binding value types, and an evaluation over its CPU
 * time limit fails. Grammar and limits (length, nesting, text joins, literal search arguments) keep the work
 * of one evaluation linear in its text times its largest input.
 */
package dev.roost.rules.sandbox;
