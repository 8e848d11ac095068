package cn.cabr.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The boundaries DESIGN.md asks for: capability modules never see the engine (only the process adapter and the
 * security wiring import org.camunda), and no module logs an ID-card number.
 */
class ArchitectureTests {

    static final Path MAIN = Path.of("src/main/java/cn/cabr/carbon");
    static final Set<String> MAY_USE_THE_ENGINE = Set.of("process", "security");

    @Test
    void onlyTheProcessAdapterAndTheSecurityWiring_importCamunda() throws IOException {
        List<String> offenders = javaFiles().filter(f -> !MAY_USE_THE_ENGINE.contains(MAIN.relativize(f).getName(0).toString()))
                .filter(f -> read(f).contains("import org.camunda")).map(Path::toString).toList();
        assertThat(offenders).isEmpty();
    }

    @Test
    void noLogStatementMentionsTheIdNumber() throws IOException {
        List<String> offenders = javaFiles().flatMap(f -> read(f).lines()
                .filter(line -> line.matches(".*\\blog\\.(trace|debug|info|warn|error)\\(.*") && line.matches("(?i).*idNumber.*"))
                .map(line -> f + ": " + line.strip())).toList();
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyModuleIsAPackageOfItsOwn() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList())
                    .contains("application", "review", "eligibility", "training", "exam", "proctoring", "adjudication",
                            "scoring", "certificate", "session", "notification", "process", "security");
        }
    }

    private static Stream<Path> javaFiles() throws IOException {
        return Files.walk(MAIN).filter(f -> f.toString().endsWith(".java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
