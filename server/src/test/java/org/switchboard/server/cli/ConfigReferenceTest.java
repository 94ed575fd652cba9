package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/configuration.md is exactly what {@code switchboard config reference} prints, so the reference
 * cannot drift from the options; regenerate it with that command after changing an option.
 */
class ConfigReferenceTest {
    @Test
    void theCommittedReferenceIsTheGeneratedOne() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine line = SwitchboardCli.create(Map.of(), config -> {
            throw new AssertionError("no server is to be started");
        });
        line.setOut(new PrintWriter(out, true));
        assertThat(line.execute("config", "reference")).isZero();

        assertThat(Files.readString(Path.of("..", "docs", "configuration.md")))
                .as("docs/configuration.md; regenerate: java -jar switchboard.jar config reference > docs/configuration.md")
                .isEqualTo(out.toString());
    }

    @Test
    void theReferenceHasARowForEverySettingWithItsFlagVariableAndDefault() {
        String reference = ServerOptionModel.reference();
        for (ServerOptionModel.Setting setting : ServerOptionModel.settings()) {
            assertThat(reference).contains("| `" + setting.key() + "` | `" + setting.flag());
            assertThat(reference).contains("` | `" + setting.variable() + "` | "
                    + (setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`") + " | next start | ");
        }
        assertThat(reference).contains("| `backup-keep` | `--backup-keep=N` | `SWITCHBOARD_BACKUP_KEEP` | `7` | next start |");
    }
}
