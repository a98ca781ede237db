package dev.roost.hub.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium at phone size (390x844), driven through Debian's chromedriver at fixed paths so
 * nothing downloads a browser or driver; {@link #close} quits it, which the tests do also when they fail.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final ChromeDriver driver;
    private final ChromeDriverService service;

    private Chromium(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /** Starts a fresh browser with its profile in {@code profile}, a folder the test owns. */
    static Chromium start(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(WAIT).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // Without the background-networking flags Chromium keeps dialling out, which this closed network refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT);
        options.setPageLoadTimeout(WAIT);
        options.setScriptTimeout(WAIT);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        return new Chromium(driver, service);
    }

    static boolean installed() {
        return new File(BINARY.toString()).canExecute() && new File(DRIVER.toString()).canExecute();
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement await(By locator) {
        return waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void awaitText(By locator, String text) {
        waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(20));
        return wait;
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Logs in through the page's form as a person would. */
    void logIn(String base, String username, String password) {
        open(base + "/");
        await(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Saves a PNG of the visible page as {@code name}.png in {@code folder}. */
    Path screenshot(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
