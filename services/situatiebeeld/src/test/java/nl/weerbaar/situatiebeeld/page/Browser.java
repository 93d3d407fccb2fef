package nl.weerbaar.situatiebeeld.page;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through Debian's chromedriver (both installed by {@code .ci/run}; Selenium never
 * downloads a browser or a driver), looking at the live picture as a crisis-team member signed in.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    static Browser open(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1500,2200", "--lang=nl");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port + "/");
    }

    /** Opens the page on {@code exerciseId} and signs in as the crisis team. */
    void signInAndWatch(String exerciseId, String user, String password) {
        driver.get(base + "?exercise=" + exerciseId);
        until(d -> d.findElement(By.id("login")).isDisplayed());
        driver.findElement(By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
        until(d -> d.findElement(By.id("picture")).isDisplayed());
    }

    /** Signs in with an API token instead of a user (an observer's, say) and watches the exercise. */
    void signInWithTokenAndWatch(String exerciseId, String token) {
        driver.get(base + "?exercise=" + exerciseId);
        until(d -> d.findElement(By.id("login")).isDisplayed());
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("login-button")).click();
        until(d -> d.findElement(By.id("picture")).isDisplayed());
    }

    /** The text of the element with {@code id}; read again if the page redrew it meanwhile. */
    String text(String id) {
        return until(d -> d.findElement(By.id(id)).getText());
    }

    String textOf(String css) {
        return until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    List<String> texts(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    /** How many elements match {@code css} now. */
    int count(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).size());
    }

    List<String> attributes(String css, String attribute) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute)).toList());
    }

    void click(String css) {
        until(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /**
     * Waits until {@code condition} gives a value (not null or false). The page redraws parts of itself as events
     * come in, so an element found a moment ago may be gone: then it looks again.
     */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            keepForDiagnosis();
            throw timeout;
        }
    }

    /** What the page looked like when a wait ran out: a screenshot and its HTML under target/screenshots. */
    private void keepForDiagnosis() {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            String name = "timeout-" + System.currentTimeMillis();
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
        } catch (java.io.IOException | RuntimeException ignored) {
            // the timeout itself is what the test reports
        }
    }

    /** Chooses the option with {@code value} in a select, as a person would (the page hears the change). */
    void choose(String css, String value) {
        until(d -> {
            new org.openqa.selenium.support.ui.Select(d.findElement(By.cssSelector(css))).selectByValue(value);
            return true;
        });
    }

    /** Types {@code text} into a field, after clearing it. */
    void type(String css, String text) {
        until(d -> {
            var field = d.findElement(By.cssSelector(css));
            field.clear();
            field.sendKeys(text);
            return true;
        });
    }

    /** Scrolls the page so that the element {@code css} is at the top of the window. */
    void scrollTo(String css) {
        ((JavascriptExecutor) driver).executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
    }

    /** Moves the review slider as a person would drag it. */
    void slideTo(long seconds) {
        ((JavascriptExecutor) driver).executeScript("const s = document.getElementById('slider');"
                + "s.value = arguments[0]; s.dispatchEvent(new Event('input'));", String.valueOf(seconds));
    }

    void screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
