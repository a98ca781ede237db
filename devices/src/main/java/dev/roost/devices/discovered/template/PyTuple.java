package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple, {@code (a, b)}: a sequence like a list, but never equal to one and rendered in parentheses.
 */
record PyTuple(List<Object> items) {

    PyTuple {
        // Not List.copyOf: a tuple may hold None, which is null here.
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }
}
