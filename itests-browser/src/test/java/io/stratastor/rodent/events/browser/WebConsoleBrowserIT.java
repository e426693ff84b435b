package io.stratastor.rodent.events.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The Rodent Events page of the shipped node's Web Console in headless Chromium: the console refuses
 * a wrong password, the page shows the stats with the token masked, filters the last events by type
 * and level, escapes a hostile metadata value, and resends a dead letter Toggle refused, which Toggle
 * then receives. Saves a screenshot to target/screenshots/webconsole.png.
 */
class WebConsoleBrowserIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    // Gogo takes a single-quoted word as it is, so the value holds no single quote.
    private static final String HOSTILE = "<b id=\"injected\">bold</b>&amp;\"";

    @TempDir
    Path work;

    @BeforeAll
    static void browserInstalled() throws Exception {
        ChromiumBrowser.ensureInstalled();
    }

    @Test
    void anOperatorLogsInReadsTheStatsFiltersTheEventsAndResendsADeadLetter() throws Exception {
        String token = "eyJhbGciOiJIUzI1NiJ9.console-" + UUID.randomUUID();
        try (ToggleSink sink = ToggleSink.builder().port(0).exactToken(token).build().start()) {
            sink.faults().refuse(true);
            Path config = Files.writeString(work.resolve("rodent.yml"), String.join("\n", "events:", "  batch_timeout: 0.2",
                    "toggle:", "  address: \"127.0.0.1:" + sink.port() + "\"", "  jwt: \"" + token + "\"", ""));
            try (ShippedNode node = ShippedNode.start(work, config)) {
                assertThat(node.output()).contains("password in " + node.passwordFile()).doesNotContain(node.password());
                assertOnlyTheRightPasswordOpensThePage(node);
                emitEvents(node);
                ChromeDriver browser = ChromiumBrowser.start(work.resolve("profile"));
                try {
                    browser.get(node.consoleUrl().replace("http://", "http://admin:wrong-" + node.password() + "@"));
                    assertThat(browser.findElements(By.id("stats"))).as("the page after a wrong password").isEmpty();
                    browser.get(node.consoleUrl().replace("http://", "http://admin:" + node.password() + "@"));
                    await("our events on the page").atMost(PATIENCE).until(() -> shown(reload(browser)) >= 6);
                    readStats(browser, token);
                    filterEvents(browser);
                    resendADeadLetter(browser, sink);
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private static void assertOnlyTheRightPasswordOpensThePage(ShippedNode node) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(status(client, node, null)).as("no password").isEqualTo(401);
        assertThat(status(client, node, "admin")).as("the console's built-in admin/admin").isEqualTo(401);
        assertThat(status(client, node, "wrong-" + node.password())).as("a wrong password").isEqualTo(401);
        assertThat(status(client, node, node.password())).as("the node's password").isEqualTo(200);
    }

    private static int status(HttpClient client, ShippedNode node, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.consoleUrl())).timeout(PATIENCE);
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void emitEvents(ShippedNode node) {
        node.command("events:emit storage.pool.created --payload '{\"pool_name\": \"tank\"}' --level warn --count 3");
        node.command("events:emit identity.user.created --payload '{\"username\": \"alice\"}' --level info --count 2");
        node.command("events:emit storage.dataset.created --payload '{\"pool_name\": \"tank\"}' --level info --meta 'note=" + HOSTILE + "'");
    }

    private static void readStats(WebDriver browser, String token) {
        assertThat(Long.parseLong(cell(browser, "stats-emitted"))).as("emitted").isGreaterThanOrEqualTo(6);
        assertThat(cell(browser, "toggle-toggle_address")).startsWith("127.0.0.1:");
        assertThat(cell(browser, "toggle-toggle_token")).isEqualTo("set");
        assertThat(cell(browser, "configuration-toggle.jwt")).as("the token in the configuration").isEqualTo("set");
        assertThat(browser.getPageSource()).as("the page never holds the token").doesNotContain(token);
        List<WebElement> hostile = browser.findElements(By.xpath("//table[@id='events']//td[@class='metadata'][contains(., 'note=')]"));
        assertThat(hostile).hasSize(1);
        assertThat(hostile.get(0).getText()).as("shown as text").isEqualTo("note=" + HOSTILE);
        assertThat(browser.findElements(By.id("injected"))).as("never as markup").isEmpty();
    }

    private static void filterEvents(WebDriver browser) {
        new Select(browser.findElement(By.id("filter-level"))).selectByValue("warn");
        browser.findElement(By.id("filter-type")).clear();
        browser.findElement(By.id("filter-type")).sendKeys("storage.*");
        browser.findElement(By.id("filter-apply")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("level=warn"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#events tr.event"));
        assertThat(rows).as("warn and above, storage types").hasSize(3)
                .allSatisfy(row -> {
                    assertThat(row.findElement(By.className("type")).getText()).isEqualTo("storage.pool.created");
                    assertThat(row.findElement(By.className("level")).getText()).isEqualTo("warn");
                });
        browser.findElement(By.id("filter-type")).clear();
        browser.findElement(By.id("filter-type")).sendKeys("identity");
        new Select(browser.findElement(By.id("filter-level"))).selectByValue("");
        browser.findElement(By.id("filter-apply")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("type=identity"));
        assertThat(browser.findElements(By.cssSelector("#events td.type"))).extracting(WebElement::getText)
                .containsExactly("identity.user.created", "identity.user.created");
    }

    private static void resendADeadLetter(ChromeDriver browser, ToggleSink sink) throws Exception {
        browser.get(browser.getCurrentUrl().replaceAll("\\?.*", ""));
        await("dead letters on the page").atMost(PATIENCE).until(() -> !reload(browser).findElements(By.cssSelector("#dead-letters tr.dead-letter")).isEmpty());
        Files.createDirectories(Path.of(System.getProperty("browser.screenshots")));
        Files.write(Path.of(System.getProperty("browser.screenshots"), "webconsole.png"), browser.getScreenshotAs(OutputType.BYTES));
        long sentBefore = Long.parseLong(cell(browser, "stats-sent"));
        WebElement letter = browser.findElement(By.cssSelector("#dead-letters tr.dead-letter"));
        String batch = letter.findElement(By.className("batch")).getText();
        int events = Integer.parseInt(letter.findElements(By.tagName("td")).get(1).getText());
        sink.faults().refuse(false);

        letter.findElement(By.cssSelector("form.resend button")).click();

        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("notice")).getText().contains("queued again"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Dead letter " + batch + " queued again: " + events + " events.");
        await("the batch gone from the dead letters, its events sent").atMost(PATIENCE).until(() -> {
            WebDriver page = reload(browser);
            return page.findElements(By.xpath("//td[@class='batch'][text()='" + batch + "']")).isEmpty()
                    && Long.parseLong(cell(page, "stats-sent")) >= sentBefore + events;
        });
        assertThat(sink.uniqueEvents()).as("Toggle received the resent batch").hasSizeGreaterThanOrEqualTo(events);
    }

    private static WebDriver reload(WebDriver browser) {
        browser.navigate().refresh();
        return browser;
    }

    private static int shown(WebDriver browser) {
        return browser.findElements(By.cssSelector("#events tr.event")).size();
    }

    private static String cell(WebDriver browser, String rowId) {
        return browser.findElement(By.id(rowId)).findElement(By.tagName("td")).getText();
    }
}
