package org.coconnect.ws.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.coconnect.Gateway;
import org.coconnect.domain.CertificateReference;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The verification page in a real browser (Debian's chromium, headless, driven by chromium-driver
 * through Selenium) with a phone-sized window, as an officer uses it: type the CO number and the
 * reference code, submit, read the answer. Skipped where chromium-driver is not installed
 * (apt-get install chromium chromium-driver; .ci/run installs them).
 */
class VerificationPortalBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static WebDriver browser;
    static String portal;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "chromium and chromium-driver are not installed here (apt-get install chromium chromium-driver;"
                        + " .ci/run installs them)");
        var configs = TestGateways.configs(dir);
        kr = TestGateways.start(VerificationPortalIT.withPortal(configs.get(0)));
        id = TestGateways.start(configs.get(1));
        portal = "https://localhost:" + kr.config().verification().portalPort() + "/verify";
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // A phone's viewport (390 x 844 CSS pixels); the test CA is not in chromium's trust store.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844",
                "--ignore-certificate-errors", "--user-data-dir=" + dir.resolve("chromium-profile"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    /**
     * Opens the form, types the number and code as an officer would, submits, and waits for the answer
     * page: a click does not wait for the navigation it starts, and the form has no status line.
     */
    static void lookUp(String number, String code) {
        browser.get(portal);
        browser.findElement(By.id("number")).clear();
        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    }

    static String status() {
        return browser.findElement(By.id("status")).getText();
    }

    @Test
    void aFoundCoShowsValidAndItsNumberAndFitsAPhoneScreen() {
        String code = VerificationPortalIT.issue(kr, "KR-BROWSER-OK", 1);

        lookUp("KR-BROWSER-OK", code);

        assertEquals("Valid", status());
        assertEquals("KR-BROWSER-OK", browser.findElement(By.id("number")).getText());
        String viewport = browser.findElement(By.cssSelector("meta[name=viewport]")).getDomAttribute("content");
        assertEquals("width=device-width, initial-scale=1", viewport);
        var js = (JavascriptExecutor) browser;
        long pageWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long screenWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertTrue(pageWidth <= screenWidth, "no sideways scrolling on a phone: " + pageWidth + " > " + screenWidth);
    }

    @Test
    void aWrongCodeReadsExactlyLikeAnUnknownNumber() {
        String code = VerificationPortalIT.issue(kr, "KR-BROWSER-WRONG", 1);
        String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);

        lookUp("KR-BROWSER-WRONG", wrong);
        String wrongCode = status();
        lookUp("KR-BROWSER-NEVER", code);
        String unknownNumber = status();

        assertEquals(VerificationPage.NOT_FOUND, wrongCode);
        assertEquals(wrongCode, unknownNumber);
    }

    @Test
    void aCancelledCoShowsCancelled() {
        String code = VerificationPortalIT.issue(kr, "KR-BROWSER-CANCEL", 1);
        kr.useCases().requestCancellation().request(new CertificateReference("KR", "KR-BROWSER-CANCEL", 1), "Wrong HS code");
        kr.deliverDue();
        id.deliverDue();

        lookUp("KR-BROWSER-CANCEL", code);

        assertEquals("Cancelled", status());
        assertEquals("KR-BROWSER-CANCEL", browser.findElement(By.id("number")).getText());
    }
}
