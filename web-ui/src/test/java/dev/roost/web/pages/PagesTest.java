package dev.roost.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void everyFileOfThePublicFolderIsServed() throws IOException {
        Path folder = Path.of("src/main/resources/public");
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(Pages.FILES);
        }
    }
}
