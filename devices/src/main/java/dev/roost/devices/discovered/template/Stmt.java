package dev.roost.devices.discovered.template;

import java.util.List;

/** A parsed statement of a template's body, immutable. */
sealed interface Stmt {

    /** Literal text between tags, whitespace control already applied. */
    record Text(String text) implements Stmt {
    }

    /** {@code {{ expression }}}. */
    record Output(Expr expression) implements Stmt {
    }

    /** {@code {% if %}...{% elif %}...{% else %}...{% endif %}}: each condition with its body, then the else body. */
    record If(List<Expr> conditions, List<List<Stmt>> bodies, List<Stmt> otherwise) implements Stmt {
    }

    /** {@code {% set name = value %}}, into the scope of the render (if blocks open no scope in Jinja). */
    record Set(String name, Expr value) implements Stmt {
    }
}
