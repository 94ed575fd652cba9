package org.switchboard.server.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The packaging files parsed and checked against the project, since no Docker engine runs here: the
 * Dockerfile's instructions, its two stages, its non-root user, volume, ports and health check on
 * {@code /health}, and that its build stage copies every module of the root pom; the compose file as
 * YAML with its services; the systemd unit (also by {@code systemd-analyze verify} where installed);
 * the install script, run below a temporary root; and the same JVM options in all three.
 */
class PackagingTest {
    private static final Path ROOT = Path.of("..");
    private static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "USER",
            "WORKDIR", "VOLUME", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "CMD", "LABEL", "STOPSIGNAL", "SHELL");
    private static final String DATA = "/var/lib/switchboard";

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String[]> dockerfile() throws IOException {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve("docker/Dockerfile"))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                current.append(' ');
                continue;
            }
            String text = current.toString();
            int space = text.indexOf(' ');
            instructions.add(new String[] {text.substring(0, space), text.substring(space + 1).strip()});
            current.setLength(0);
        }
        assertThat(current).as("no dangling continuation").isEmpty();
        return instructions;
    }

    private static List<String> args(List<String[]> instructions, String keyword) {
        return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
    }

    @Test
    void theDockerfileBuildsInOneStageAndRunsTheJarAsAnUnprivilegedUserWithAVolumeAndAHealthCheck()
            throws IOException {
        List<String[]> instructions = dockerfile();
        assertThat(instructions).allSatisfy(i -> assertThat(INSTRUCTIONS).contains(i[0]));
        List<String> from = args(instructions, "FROM");
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).startsWith("maven:").endsWith(" AS build");
        assertThat(from.get(1)).contains("-jre");
        assertThat(args(instructions, "COPY")).contains(
                "--from=build /src/server/target/switchboard.jar /opt/switchboard/switchboard.jar");
        assertThat(args(instructions, "USER")).containsExactly("switchboard");
        int user = indexOf(instructions, "USER");
        assertThat(user).as("the user is set before the server starts").isLessThan(indexOf(instructions, "ENTRYPOINT"));
        assertThat(args(instructions, "VOLUME")).containsExactly("[\"" + DATA + "\"]");
        assertThat(String.join(" ", args(instructions, "ENV"))).contains("SWITCHBOARD_DATA_DIR=" + DATA);
        assertThat(args(instructions, "EXPOSE")).containsExactly("5060/udp 5060/tcp 8080/tcp");
        assertThat(args(instructions, "HEALTHCHECK")).singleElement().asString().contains("GET /health ", "' 200 '");
        assertThat(args(instructions, "ENTRYPOINT")).singleElement().asString().contains("-jar /opt/switchboard/switchboard.jar");
    }

    private static int indexOf(List<String[]> instructions, String keyword) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i)[0].equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theDockerBuildStageCopiesEveryModuleOfTheBuild() throws IOException {
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> copies = args(dockerfile(), "COPY");
        while (modules.find()) {
            assertThat(copies).as("COPY of module %s", modules.group(1)).contains(modules.group(1) + " " + modules.group(1));
        }
        assertThat(Files.readString(ROOT.resolve(".dockerignore"))).contains("**/target");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileIsYamlWithTheServerOnTheHostNetworkAndPostgreSqlAsAnOptionalProfile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("switchboard", "postgres");
        Map<String, Object> switchboard = (Map<String, Object>) services.get("switchboard");
        assertThat(switchboard.get("network_mode")).isEqualTo("host");
        assertThat((Map<String, Object>) switchboard.get("build")).containsEntry("dockerfile", "docker/Dockerfile");
        assertThat((List<String>) switchboard.get("volumes")).containsExactly("switchboard-data:" + DATA);
        assertThat(switchboard).doesNotContainKey("profiles");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        assertThat((List<String>) postgres.get("profiles")).containsExactly("postgres");
        assertThat((Map<String, Object>) compose.get("volumes")).containsOnlyKeys("switchboard-data", "postgres-data");
    }

    /** The unit's sections and keys; a key given twice keeps its last value. */
    private static Map<String, Map<String, String>> unit() throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        for (String line : Files.readAllLines(ROOT.resolve("packaging/switchboard.service"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = new LinkedHashMap<>();
                sections.put(line.substring(1, line.indexOf(']')), section);
                continue;
            }
            assertThat(section).as("a key before any section: %s", line).isNotNull();
            int eq = line.indexOf('=');
            assertThat(eq).as("a key=value line: %s", line).isPositive();
            section.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return sections;
    }

    @Test
    void theSystemdUnitRunsTheJarAsTheServiceUserOnItsDataDirectory() throws Exception {
        Map<String, Map<String, String>> unit = unit();
        assertThat(unit).containsOnlyKeys("Unit", "Service", "Install");
        Map<String, String> service = unit.get("Service");
        assertThat(service).containsEntry("User", "switchboard").containsEntry("SuccessExitStatus", "143")
                .containsEntry("Restart", "on-failure");
        assertThat(service.get("ExecStart")).contains("-jar /opt/switchboard/switchboard.jar --data-dir " + DATA);
        assertThat(service.get("ReadWritePaths")).contains(DATA);
        assertThat(unit.get("Install")).containsEntry("WantedBy", "multi-user.target");

        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed: the unit is only parsed");
        Process verify = new ProcessBuilder(analyze.toString(), "verify",
                ROOT.resolve("packaging/switchboard.service").toAbsolutePath().normalize().toString())
                .redirectErrorStream(true).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("Unknown key", "Invalid", "Failed");
    }

    @Test
    void theInstallScriptInstallsTheJarUnitAndAPrivateDataDirectoryBelowARoot(@TempDir Path root) throws Exception {
        Path jar = Files.writeString(root.resolve("switchboard.jar"), "jar");
        Path target = Files.createDirectory(root.resolve("target-root"));
        ProcessBuilder install = new ProcessBuilder("sh", ROOT.resolve("packaging/install.sh").toString(), jar.toString())
                .redirectErrorStream(true);
        install.environment().put("SWITCHBOARD_ROOT", target.toString());
        Process process = install.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();

        assertThat(target.resolve("opt/switchboard/switchboard.jar")).hasContent("jar");
        assertThat(target.resolve("etc/systemd/system/switchboard.service"))
                .hasSameTextualContentAs(ROOT.resolve("packaging/switchboard.service"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("var/lib/switchboard"))))
                .isEqualTo("rwx------");
        assertThat(target.resolve("etc/default/switchboard")).exists();

        Process usage = new ProcessBuilder("sh", ROOT.resolve("packaging/install.sh").toString()).redirectErrorStream(true)
                .start();
        assertThat(usage.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(usage.exitValue()).isEqualTo(2);
    }

    @Test
    void theDockerfileTheUnitAndTheInstallScriptShipTheSameJvmOptions() throws IOException {
        Pattern options = Pattern.compile("JAVA_OPTS=\"([^\"]+)\"");
        List<String> found = new ArrayList<>();
        for (String file : List.of("docker/Dockerfile", "packaging/switchboard.service", "packaging/install.sh",
                "docs/installation.md")) {
            Matcher m = options.matcher(Files.readString(ROOT.resolve(file)));
            assertThat(m.find()).as("JAVA_OPTS in %s", file).isTrue();
            found.add(m.group(1));
        }
        assertThat(found).containsOnly(found.get(0));
        assertThat(found.get(0)).contains("-Xmx", "-XX:MaxDirectMemorySize=");
    }
}
