package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The option tables of docs/running.md and README.md against the options the server has: every
 * option is in each table, with its own variable, its file key (in running.md) and its default, and
 * no row names an option that does not exist. So the documentation cannot drift from the code.
 */
class OptionsDocumentationTest {
    private static final Pattern FLAG = Pattern.compile("--(?!no-)[a-z][a-z-]*[a-z]");
    private static final Pattern VARIABLE = Pattern.compile("SWITCHBOARD_[A-Z_]+");

    /** One table row: the flags of its first cell, the variables of its second, and its cells. */
    private record Row(List<String> flags, List<String> variables, String[] cells) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"docs/running.md, true", "README.md, false"})
    void theOptionTableNamesEveryOptionWithItsVariableKeyAndDefault(String document, boolean withFileKey)
            throws IOException {
        List<Row> rows = rows(Path.of("..").resolve(document));
        Set<String> documented = new LinkedHashSet<>();
        for (Row row : rows) {
            documented.addAll(row.flags());
            assertThat(row.variables()).as("variables of %s", row.flags())
                    .isEqualTo(row.flags().stream().map(EnvironmentDefaultProvider::variableFor).toList());
            if (row.flags().size() != 1 || row.flags().get(0).equals(ServerOptions.CONFIG)) {
                continue;
            }
            ServerOptionModel.Setting setting = ServerOptionModel.byKey(row.flags().get(0).substring(2)).orElseThrow(
                    () -> new AssertionError(document + " documents " + row.flags() + ", which is no option"));
            int defaultCell = withFileKey ? 3 : 2;
            if (withFileKey) {
                assertThat(row.cells()[2]).as("file key of %s", setting.flag()).startsWith("`" + setting.key() + "`");
            }
            String defaultValue = row.cells()[defaultCell];
            if (setting.defaultValue() == null) {
                assertThat(defaultValue).as("default of %s", setting.flag()).doesNotStartWith("`");
            } else {
                assertThat(defaultValue).as("default of %s", setting.flag()).isEqualTo("`" + setting.defaultValue() + "`");
            }
        }
        List<String> options = new ArrayList<>(ServerOptionModel.settings().stream().map(ServerOptionModel.Setting::flag)
                .toList());
        options.add(ServerOptions.CONFIG);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(options);
    }

    private static List<Row> rows(Path document) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(document)) {
            if (!line.startsWith("| `--")) {
                continue;
            }
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
            rows.add(new Row(all(FLAG, cells[0]), all(VARIABLE, cells[1]), cells));
        }
        return rows;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
