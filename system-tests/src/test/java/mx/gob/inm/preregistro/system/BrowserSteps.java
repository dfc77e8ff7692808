package mx.gob.inm.preregistro.system;

import org.openqa.selenium.By;

import mx.gob.inm.preregistro.testing.browser.Browser;

/** What the Chromium journeys through the running stack do alike: INGRESAR on Keycloak's page, the captchas. */
final class BrowserSteps {

    private BrowserSteps() {
    }

    /** Fills Keycloak's login form (the page the browser is on) and waits to be back on the portal. */
    static void signIn(Browser browser, String gateway, String email, String password) {
        browser.waitForVisible(By.id("username")).sendKeys(email);
        browser.find(By.id("password")).sendKeys(password);
        browser.find(By.id("kc-login")).click();
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(gateway));
    }

    /** A first visit on this browser opens the welcome window over the page: closed with its X, as a person does. */
    static void closeWelcome(Browser browser) {
        if (!browser.findAll(By.cssSelector("#bienvenida[open]")).isEmpty()) {
            browser.find(By.cssSelector("#bienvenida [data-action='close-welcome']")).click();
            browser.waitUntil(driver -> browser.findAll(By.cssSelector("#bienvenida[open]")).isEmpty());
        }
    }

    /**
     * CAPTCHA_TEST_MODE: keeps the answer the service sends in a header as {@code window.captchaAnswer}, for the
     * captchas the page asks for from now on (until it is reloaded).
     */
    static void keepCaptchaAnswers(Browser browser) {
        browser.script("delete window.captchaAnswer; const original = window.fetch; window.fetch = async (...args) => {"
                + " const response = await original(...args);"
                + " const answer = response.headers.get('X-Captcha-Answer'); if (answer) window.captchaAnswer = answer;"
                + " return response; };");
    }

    /** The answer of the captcha the page shows, once the page has fetched one after {@link #keepCaptchaAnswers}. */
    static String captchaAnswer(Browser browser) {
        browser.waitUntil(driver -> browser.script("return window.captchaAnswer || null") != null);
        return browser.script("return window.captchaAnswer");
    }
}
