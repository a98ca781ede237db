package dev.roost.rules.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.RuleFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escape routes written into a rule are refused when the rule is saved, and the engine goes on working. */
class SandboxEscapeThroughServiceTest {

    private static final List<String> ESCAPES = List.of(
            "Runtime.getRuntime().exec('touch /tmp/pwned') == null",
            "Class.forName('java.lang.Runtime') == null",
            "''.getClass().forName('java.lang.Runtime') == null",
            "System.exit(0) == null",
            "new java.io.File('/etc/passwd').exists()",
            "java.lang.Thread.sleep(100000) == null",
            "while(true){}",
            "def f(){f()}; f()",
            "import java.io.File; true",
            "value.getClass().getClassLoader() == null",
            "Thread.currentThread().stop() == null",
            "java.nio.file.Files.delete(java.nio.file.Path.of('/tmp/x')) == null",
            "new java.net.Socket('example.org', 80) == null",
            "for (i = 0; i < 10; i++) {}");

    @TempDir
    Path folder;

    @Test
    void everyEscapeIsRefusedOnItsIfLineAndTheEngineKeepsRunning() throws Exception {
        try (ServiceFixture fixture = new ServiceFixture(folder, Instant.parse("2026-11-25T08:00:00Z"))) {
            for (String escape : ESCAPES) {
                ServiceResult<RuleView> result = fixture.service.create(RuleFormat.JSON, """
                        {"id": "escape",
                         "when": {"topic": "home/x"},
                         "if": %s,
                         "then": [{"log": "escaped"}]}""".formatted(quoted(escape)));

                assertThat(result).as(escape).isInstanceOf(ServiceResult.Invalid.class);
                List<RuleError> errors = ((ServiceResult.Invalid<RuleView>) result).errors();
                assertThat(errors).as(escape).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("if");
                    assertThat(error.position().line()).isEqualTo(3);
                    assertThat(error.reason()).contains("line 1, column");
                });
            }
            assertThat(fixture.service.list()).isEmpty();

            fixture.service.create(RuleFormat.YAML, """
                    id: still-working
                    when: { topic: home/x }
                    then: [ { publish: { topic: home/y, payload: ok } } ]
                    """);
            fixture.scheduler.runReady();
            fixture.publish("home/x", "1");
            assertThat(fixture.bus.payloadsOn("home/y")).containsExactly("ok");
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
