package org.switchboard.server.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.NoSuchElementException;
import org.slf4j.LoggerFactory;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import org.switchboard.webadmin.plugin.WebAdminPlugin;

/**
 * The web admin in a real, headless Chromium (Debian's chromium and chromium-driver) against a real
 * server on 127.0.0.1, in order: the first-run setup from the link in the server log, logout, a wrong
 * password, login; then a user added in the page registers (a test-kit phone with the password the
 * page showed) and appears on the registrations page; a dial plan rule added in the page decides what
 * the tester says; an address banned for guessing passwords is unbanned in the security page; a CSV
 * import with one bad line is refused naming it, then imported fixed. Skipped, with a message, where chromedriver is not installed. Screenshots go to
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAdminBrowserIT {
    private static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    private static final String BROWSER = "/usr/bin/chromium";
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    static {
        // attached before the server starts, to catch the setup link it logs
        LOG.start();
        ((Logger) LoggerFactory.getLogger(WebAdminPlugin.class)).addAppender(LOG);
    }

    @RegisterExtension
    static final SwitchboardServer SERVER = SwitchboardServer.create();

    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(DRIVER)) && Files.isExecutable(Path.of(BROWSER)),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver); "
                        + "skipping the browser tests");
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,800", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        ((Logger) LoggerFactory.getLogger(WebAdminPlugin.class)).detachAppender(LOG);
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String setupLink() {
        Pattern link = Pattern.compile("(http://\\S+/admin/setup\\?token=[A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (ILoggingEvent event : LOG.list.toArray(ILoggingEvent[]::new)) {
                Matcher m = link.matcher(event.getFormattedMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no setup link in the log: " + LOG.list);
    }

    private static void shot(String name) throws Exception {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.copy(png.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The page's heading once it reads {@code expected}, or whatever it reads after 10 s: a click
     * returns before the next page has replaced the old one, whose elements then go stale.
     */
    private static String heading(String expected) {
        try {
            return wait(d -> {
                String text = d.findElement(By.tagName("h1")).getText();
                return text.equals(expected) ? text : null;
            });
        } catch (TimeoutException e) {
            return driver.findElement(By.tagName("h1")).getText();
        }
    }

    /** The element once the page that has it is there. */
    private static WebElement element(By by) {
        return wait(d -> d.findElement(by));
    }

    private static <T> T wait(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(condition::apply);
    }

    private static void login(String name, String password) {
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    @Test
    @Order(1)
    void firstRunSetupLogoutWrongPasswordAndLogin() throws Exception {
        String link = setupLink();
        assertThat(link).startsWith("http://localhost:" + SERVER.httpUri().getPort() + "/admin/setup?token=");

        driver.get(link.replace("localhost", "127.0.0.1"));
        assertThat(heading("First-run setup")).isEqualTo("First-run setup");
        shot("setup");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("a long admin password");
        driver.findElement(By.id("password2")).sendKeys("a long admin password");
        driver.findElement(By.id("domain")).sendKeys("example.com");
        driver.findElement(By.id("create")).click();

        assertThat(heading("Dashboard")).isEqualTo("Dashboard");
        assertThat(element(By.id("warnings")).getText()).contains("example.com has no users yet");
        shot("dashboard");
        driver.findElement(By.linkText("Audit log")).click();
        assertThat(heading("Audit log")).isEqualTo("Audit log");
        assertThat(element(By.id("audit")).getText()).contains("admin.add", "domain.add", "example.com");
        shot("audit-log");

        driver.findElement(By.id("logout")).click();
        assertThat(heading("Log in")).isEqualTo("Log in");
        assertThat(element(By.id("status")).getText()).isEqualTo("You are logged out.");
        driver.get(SERVER.httpUri().resolve("/admin/admins").toString());
        assertThat(heading("Log in")).isEqualTo("Log in");

        login("admin", "not the password");
        assertThat(element(By.id("problem")).getText()).isEqualTo("Wrong name or password.");
        shot("login-failed");

        login("admin", "a long admin password");
        assertThat(heading("Administrators")).isEqualTo("Administrators");
        assertThat(driver.manage().getCookieNamed("switchboard_admin").isHttpOnly()).isTrue();
        assertThat(driver.manage().getCookieNamed("switchboard_admin").getSameSite()).isEqualTo("Strict");

        driver.get(link.replace("localhost", "127.0.0.1"));
        assertThat(heading("Dashboard")).as("the used setup link leads elsewhere").isNotEqualTo("First-run setup");
    }

    /** After the setup above, logged in as its administrator. */
    @Test
    @Order(2)
    void aUserAddedInThePageRegistersWithItsPasswordAndShowsUpAsRegistered() throws Exception {
        driver.get(SERVER.httpUri().resolve("/admin/users").toString());
        assertThat(heading("Users")).isEqualTo("Users");
        driver.findElement(By.id("name")).sendKeys("201");
        driver.findElement(By.id("displayName")).sendKeys("Alice <Reception>");
        driver.findElement(By.id("add")).click();
        assertThat(element(By.id("result")).getText()).isEqualTo("Added 201@example.com (Alice <Reception>).");
        String password = element(By.id("sip-password")).getText();
        shot("user-added");

        try (Phone alice = Phone.of("201", "example.com").password(password).server(SERVER.sipAddress()).open()) {
            alice.register().expectChallenge().answer().expect(200);
            driver.get(SERVER.httpUri().resolve("/admin/registrations?domain=example.com").toString());
            assertThat(heading("Registrations")).isEqualTo("Registrations");
            assertThat(element(By.id("registrations")).getText()).contains("201", "sip:201@127.0.0.1", "UDP");
            shot("registrations");
        }
        driver.get(SERVER.httpUri().resolve("/admin/users?domain=example.com").toString());
        assertThat(element(By.id("users")).getText()).contains("Alice <Reception>");
        shot("users");
    }

    /** A rule added in the dial plan page decides the call the tester asks about, and its row is marked. */
    @Test
    @Order(3)
    void theDialPlanTesterShowsTheRuleThatDecidesACall() throws Exception {
        driver.get(SERVER.httpUri().resolve("/admin/dialplan?domain=example.com").toString());
        assertThat(heading("Dial plan")).isEqualTo("Dial plan");
        driver.findElement(By.id("rule-priority")).sendKeys("10");
        driver.findElement(By.id("rule-name")).sendKeys("operator");
        driver.findElement(By.id("rule-to")).sendKeys("0");
        driver.findElement(By.id("rule-action")).sendKeys("forward 201");
        driver.findElement(By.id("save-rule")).click();
        assertThat(element(By.id("status")).getText()).isEqualTo("Saved rule operator.");

        driver.findElement(By.id("from")).sendKeys("201");
        driver.findElement(By.id("to")).sendKeys("0");
        driver.findElement(By.id("test")).click();

        assertThat(element(By.id("decision")).getText()).isEqualTo("forward to sip:201@example.com (rule 10 operator)");
        assertThat(element(By.id("test-result")).getText()).contains("201@example.com (class none) dials 0@example.com");
        assertThat(element(By.cssSelector("#rules tr.matched")).getText()).contains("operator (matched)");
        shot("dialplan-tester");
    }

    /** A phone guessing passwords from 127.0.0.2 is banned; the security page lifts the ban. */
    @Test
    @Order(4)
    void anAddressBannedForGuessingIsUnbannedInThePage() throws Exception {
        InetAddress cracker = InetAddress.getByName("127.0.0.2");
        Assumptions.assumeTrue(canBind(cracker), "127.0.0.2 cannot be bound on this machine; test skipped");
        // ten different users failing from one address within the window is the guard's default ban
        for (int user = 301; user <= 310; user++) {
            try (Phone guess = Phone.of(Integer.toString(user), "example.com").password("123456")
                    .server(SERVER.sipAddress()).localAddress(cracker).timeout(Duration.ofSeconds(2)).open()) {
                ClientTransaction first = guess.register();
                if (first.awaitFinal().filter(m -> m.status() == 401).isPresent()) {
                    first.answer("123456").awaitFinal();
                }
            }
        }
        driver.get(SERVER.httpUri().resolve("/admin/security").toString());
        assertThat(heading("Security")).isEqualTo("Security");
        assertThat(element(By.id("bans")).getText()).contains("127.0.0.2", "different users failed");
        shot("security");

        element(By.cssSelector("button[aria-label='Lift the ban on 127.0.0.2']")).click();

        assertThat(element(By.id("status")).getText()).isEqualTo("Lifted the ban on 127.0.0.2.");
        assertThat(element(By.id("bans")).getText()).doesNotContain("127.0.0.2").contains("No address is banned.");
    }

    /** A CSV with one bad line is checked, refused as a whole with that line named, then imported fixed. */
    @Test
    @Order(5)
    void aCsvImportWithOneBadLineNamesItAndImportsNothingUntilItIsFixed() throws Exception {
        driver.get(SERVER.httpUri().resolve("/admin/users?domain=example.com").toString());
        element(By.id("import-link")).click();
        assertThat(heading("Import users")).isEqualTo("Import users");
        String good = "user,password,display name\n401,Secret-401-abcdef,\"Meier, Eva\"\n403,Secret-403-abcdef,Reception\n";
        driver.findElement(By.id("csv")).sendKeys(good + "402,\n");
        driver.findElement(By.id("check")).click();

        assertThat(element(By.id("import-problems")).getText()).contains("line 4: missing password");
        assertThat(element(By.id("import-summary")).getText()).startsWith("Nothing would be imported into example.com");
        assertThat(element(By.id("import-preview")).getText()).contains("401", "Meier, Eva", "403", "Reception");
        shot("users-import-check");
        driver.findElement(By.id("import")).click();
        assertThat(element(By.id("import-summary")).getText()).startsWith("Nothing imported into example.com");

        driver.findElement(By.id("csv")).clear();
        driver.findElement(By.id("csv")).sendKeys(good);
        driver.findElement(By.id("import")).click();
        assertThat(element(By.id("import-summary")).getText()).isEqualTo("Imported 2 users into example.com.");
        driver.get(SERVER.httpUri().resolve("/admin/users?domain=example.com").toString());
        assertThat(element(By.id("users")).getText()).contains("401", "Meier, Eva", "403").doesNotContain("402");
    }

    private static boolean canBind(InetAddress address) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
