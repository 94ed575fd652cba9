package org.switchboard.registrar.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.registrar.TestDatabases;
import org.switchboard.registrar.db.Database;
import org.switchboard.registrar.directory.DirectoryException.Reason;
import org.switchboard.registrar.directory.ImportReport.RejectedLine;

class CsvUserImporterTest {
    @TempDir
    Path dataDir;

    private Database db;
    private UserDirectory directory;
    private CsvUserImporter importer;

    @BeforeEach
    void setUp() {
        db = TestDatabases.inMemory();
        directory = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db),
                PasswordVault.open(dataDir.resolve("password.key")));
        directory.addDomain("example.com");
        importer = new CsvUserImporter(directory);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void importsFiveThousandUsersQuicklyAndReportsRejectedLines() {
        directory.addUser("example.com", "existing", null, "secret-pw-0");
        StringBuilder csv = new StringBuilder("user,password,display name\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(1000 + i).append(",pw-secret-").append(i).append(",\"Smith, User ").append(i).append("\"\n");
        }
        csv.append("bad user,pw-secret-x,Bad\n");   // line 5002
        csv.append("1000,pw-secret-y,Again\n");      // line 5003
        csv.append("existing,pw-secret-z\n");        // line 5004
        csv.append("shortpw,abc\n");                 // line 5005
        csv.append("\n# comment\n");

        long start = System.nanoTime();
        ImportReport report = importer.importUsers("example.com", new StringReader(csv.toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(report.imported()).isEqualTo(5000);
        assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(5002, 5003, 5004, 5005);
        assertThat(report.rejected().get(0).reason()).contains("not a valid user name");
        assertThat(report.rejected().get(1).reason()).isEqualTo("user 1000 already appears on line 2");
        assertThat(report.rejected().get(2).reason()).isEqualTo("user existing@example.com already exists");
        assertThat(report.rejected().get(3).reason()).contains("Password must be");
        assertThat(directory.users("example.com")).hasSize(5001);
        assertThat(directory.user("example.com", "1000").orElseThrow().displayName()).isEqualTo("Smith, User 0");
        assertThat(directory.password("example.com", "5999")).isEqualTo("pw-secret-4999");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void missingDomainFailsTheWholeImport() {
        assertThatThrownBy(() -> importer.importUsers("nowhere.org", new StringReader("201,secret-pw-1\n")))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DOMAIN));
    }

    @Test
    void wrongFieldCountAndUnbalancedQuotesAreRejectedByLine() {
        ImportReport report = importer.importUsers("example.com",
                new StringReader("201\n202,secret-pw-2,Name,extra\n203,secret-pw-3,\"Open\n204,secret-pw-4\n"));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(1, 2, 3);
        assertThat(report.summary()).isEqualTo("Imported 1 users into example.com; 3 lines rejected");
    }
}
