package io.stratastor.rodent.events.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: installed first by
 * {@code tools/browser/ensure-chromium.sh} when missing, or the test fails saying what to install.
 */
final class ChromiumBrowser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private ChromiumBrowser() {
    }

    /**
     * Runs the install script.
     *
     * @throws IllegalStateException with the script's output when the browser is not there afterwards
     */
    static void ensureInstalled() throws IOException, InterruptedException {
        Process script = new ProcessBuilder("bash", System.getProperty("browser.ensure.script")).redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!script.waitFor(15, TimeUnit.MINUTES) || script.exitValue() != 0 || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("the Web Console test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); tools/browser/ensure-chromium.sh could not install them:\n" + output);
        }
    }

    /** A new headless browser with a profile of its own in {@code profile}. */
    static ChromeDriver start(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        // Without the background-networking switches a closed network makes Chromium stall on its own requests.
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        // Bounded: a page that never loads fails the test instead of holding the build.
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
