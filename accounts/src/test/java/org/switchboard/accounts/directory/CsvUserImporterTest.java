package org.switchboard.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.accounts.directory.ImportReport.RejectedLine;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryException.Reason;
import org.switchboard.core.spi.store.User;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;

@ParameterizedClass
@EnumSource(Engine.class)
class CsvUserImporterTest {
    @TempDir
    Path dataDir;

    private Database db;
    private UserDirectory directory;
    private CsvUserImporter importer;

    private final Engine engine;

    CsvUserImporterTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        db = engine.open();
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
    void importsFiveThousandUsersInOneGo() {
        directory.addUser("example.com", "existing", null, "secret-pw-0");
        StringBuilder csv = new StringBuilder("user,password,display name\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(1000 + i).append(",pw-secret-").append(i).append(",\"Smith, User ").append(i).append("\"\n");
        }
        csv.append("\n# comment\n");

        ImportReport report = importer.importUsers("example.com", new StringReader(csv.toString()));

        assertThat(report.imported()).isEqualTo(5000);
        assertThat(report.rejected()).isEmpty();
        assertThat(report.summary()).isEqualTo("Imported 5000 users into example.com");
        assertThat(directory.users("example.com")).hasSize(5001);
        assertThat(directory.user("example.com", "1000").orElseThrow().displayName()).isEqualTo("Smith, User 0");
        assertThat(directory.password("example.com", "5999")).isEqualTo("pw-secret-4999");
    }

    @Test
    void oneBadLineImportsNothingAndEveryBadLineIsReported() {
        directory.addUser("example.com", "existing", null, "secret-pw-0");
        String csv = "user,password,display name\n"
                + "201,pw-secret-201,Alice\n"     // line 2, valid
                + "bad user,pw-secret-x,Bad\n"   // line 3
                + "201,pw-secret-y,Again\n"      // line 4
                + "existing,pw-secret-z\n"       // line 5
                + "shortpw,abc\n"                // line 6
                + "202,pw-secret-202,Bob\n";     // line 7, valid

        ImportReport report = importer.importUsers("example.com", new StringReader(csv));

        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(3, 4, 5, 6);
        assertThat(report.rejected().get(0).reason()).contains("not a valid user name");
        assertThat(report.rejected().get(1).reason()).isEqualTo("user 201 already appears on line 2");
        assertThat(report.rejected().get(2).reason()).isEqualTo("user existing@example.com already exists");
        assertThat(report.rejected().get(3).reason()).contains("Password must be");
        assertThat(report.summary()).isEqualTo(
                "Nothing imported into example.com: 4 lines are invalid; fix them and import the file again");
        assertThat(directory.users("example.com")).extracting(User::name).containsExactly("existing");
    }

    @Test
    void latin1FileIsRefusedNamingTheLineAndHowToSaveItAsUtf8() {
        byte[] latin1 = "201,pw-secret-201,Alice\n202,pw-secret-202,Ren\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> importer.importUsers("example.com", latin1))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_IMPORT_FILE);
                    assertThat(e.getMessage()).startsWith("line 2: the file is not UTF-8 (byte 0xE9")
                            .contains("save it as UTF-8");
                });
        assertThat(directory.users("example.com")).isEmpty();
    }

    @Test
    void utf8FileWithByteOrderMarkIsImported() {
        byte[] utf8 = "\uFEFF201,pw-secret-201,Ren\u00e9e\n".getBytes(StandardCharsets.UTF_8);

        ImportReport report = importer.importUsers("example.com", utf8);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(directory.user("example.com", "201").orElseThrow().displayName()).isEqualTo("Ren\u00e9e");
    }

    @Test
    void semicolonSeparatedLinesAreRejectedWithAHint() {
        ImportReport report = importer.importUsers("example.com",
                new StringReader("201;pw-secret-201;Alice\n202;pw-secret-202\n"));

        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(1, 2);
        assertThat(report.rejected()).allSatisfy(line ->
                assertThat(line.reason()).contains("the fields are separated by ';', use ','"));
        assertThat(directory.users("example.com")).isEmpty();
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

        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(1, 2, 3);
        assertThat(report.rejected().get(0).reason()).doesNotContain("';'");
        assertThat(directory.users("example.com")).isEmpty();
    }

    @Test
    void aDryRunReportsTheValidUsersAndTheBadLinesAndAddsNobody() {
        byte[] csv = ("user,password,display name\n201,pw-secret-201,\"Smith, Ann\"\n202,short\n")
                .getBytes(StandardCharsets.UTF_8);

        ImportReport checked = importer.importUsers("example.com", csv, true);
        ImportReport clean = importer.importUsers("example.com", "201,pw-secret-201\n".getBytes(StandardCharsets.UTF_8),
                true);

        assertThat(checked.imported()).isZero();
        assertThat(checked.valid()).extracting(User::name, User::displayName).containsExactly(tuple("201", "Smith, Ann"));
        assertThat(checked.rejected()).extracting(ImportReport.RejectedLine::lineNumber).containsExactly(3);
        assertThat(clean.imported()).isZero();
        assertThat(clean.rejected()).isEmpty();
        assertThat(directory.users("example.com")).isEmpty();
    }
}
