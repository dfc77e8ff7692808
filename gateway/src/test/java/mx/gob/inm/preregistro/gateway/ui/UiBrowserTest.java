package mx.gob.inm.preregistro.gateway.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import mx.gob.inm.preregistro.testing.browser.Browser;

/** What every UI test of the gateway shares: one headless Chromium per class, the gateway on a random port. */
abstract class UiBrowserTest {

    static final By PAGE_TITLE = By.cssSelector("#contenido h1");

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Opens a route of the SPA and waits for its page title. */
    Browser show(String route) {
        browser.open(url("/#" + route));
        browser.waitForVisible(PAGE_TITLE);
        return browser;
    }
}
