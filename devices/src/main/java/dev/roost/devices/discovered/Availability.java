package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.discovered.template.Template;
import dev.roost.devices.discovered.template.TemplateException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an entity is available, from its {@code availability_topic} or {@code availability} list and
 * {@code availability_mode} ({@code latest}, {@code all} or {@code any}), as Home Assistant reads them: without
 * availability topics an entity is always available; with them it is unavailable until one says otherwise.
 * Confined to the thread that delivers the entity's messages.
 */
final class Availability {

    private record Source(String topic, String available, String notAvailable, Template template) {
    }

    private final List<Source> sources;
    private final String mode;
    private final Map<String, Boolean> heard = new HashMap<>();
    private boolean latest;

    private Availability(List<Source> sources, String mode) {
        this.sources = sources;
        this.mode = mode;
    }

    static Availability read(Options options) {
        List<Source> sources = new ArrayList<>();
        String available = options.text("payload_available", "online");
        String notAvailable = options.text("payload_not_available", "offline");
        String single = options.topic("availability_topic");
        if (single != null) {
            sources.add(new Source(single, available, notAvailable, options.template("availability_template")));
        }
        JsonNode list = options.raw("availability");
        if (list != null && list.isObject()) {
            list = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add(list);
        }
        if (list != null && list.isArray()) {
            for (JsonNode entry : list) {
                if (!entry.isObject()) {
                    options.problem("availability: each entry must be an object");
                    continue;
                }
                Options one = new Options((com.fasterxml.jackson.databind.node.ObjectNode) entry);
                String topic = one.topic("topic");
                if (topic == null) {
                    options.problem("availability: an entry has no topic");
                    continue;
                }
                sources.add(new Source(topic, one.text("payload_available", "online"),
                        one.text("payload_not_available", "offline"), one.template("value_template")));
                one.problems().forEach(problem -> options.problem("availability: " + problem));
            }
        }
        String mode = options.text("availability_mode", "latest");
        if (!List.of("latest", "all", "any").contains(mode)) {
            options.problem("availability_mode: must be latest, all or any, not " + mode);
            mode = "latest";
        }
        return new Availability(List.copyOf(sources), mode);
    }

    List<String> topics() {
        return sources.stream().map(Source::topic).distinct().toList();
    }

    /** Takes a message on one of {@link #topics()}; true when it changed what is known. */
    boolean offer(String topic, Payload payload) {
        boolean changed = false;
        for (Source source : sources) {
            if (!source.topic().equals(topic)) {
                continue;
            }
            String said;
            try {
                said = payload.render(source.template()).strip();
            } catch (TemplateException e) {
                continue;
            }
            Boolean up = said.equals(source.available()) ? Boolean.TRUE
                    : said.equals(source.notAvailable()) ? Boolean.FALSE : null;
            if (up != null) {
                changed |= !up.equals(heard.put(topic, up)) || latest != up;
                latest = up;
            }
        }
        return changed;
    }

    boolean available() {
        if (sources.isEmpty()) {
            return true;
        }
        return switch (mode) {
            case "all" -> topics().stream().allMatch(t -> Boolean.TRUE.equals(heard.get(t)));
            case "any" -> topics().stream().anyMatch(t -> Boolean.TRUE.equals(heard.get(t)));
            default -> latest;
        };
    }

    boolean configured() {
        return !sources.isEmpty();
    }
}
