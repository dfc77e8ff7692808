package mx.gob.inm.preregistro.gateway.ui;

import java.util.List;
import java.util.Map;

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

    /**
     * Replaces the page's fetch with canned answers per "METHOD path" (the last one repeats) and records
     * every request, so the pages' handling of the API's answers is tested without a backend. A multipart
     * body is recorded as its parts (files as name, size and type); a 204 answer has no body; an answer's
     * {@code headers} (e.g. {@code Retry-After}) are added to the response.
     */
    void stubApi(String answersJson) {
        browser.script("""
                window.__requests = [];
                window.__answers = JSON.parse(arguments[0]);
                window.fetch = async (url, init) => {
                  const method = (init && init.method) || 'GET';
                  let body = init && init.body;
                  if (body instanceof FormData) {
                    const parts = {};
                    for (const [name, value] of body.entries()) {
                      parts[name] = value instanceof Blob ? {file: value.name || '', size: value.size, type: value.type} : value;
                    }
                    body = parts;
                  }
                  window.__requests.push({url: String(url), method, headers: (init && init.headers) || {}, body});
                  const queue = window.__answers[method + ' ' + url] || [];
                  const answer = queue.length > 1 ? queue.shift() : queue[0];
                  if (!answer) return new Response('', {status: 503});
                  if (answer.status === 204) return new Response(null, {status: 204});
                  return new Response(JSON.stringify(answer.body), {status: answer.status, headers: Object.assign({
                    'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json'}, answer.headers || {})});
                };""", answersJson);
    }

    long requestCount(String method, String url) {
        return browser.<Number>script("return window.__requests.filter(r => r.method === arguments[0] && r.url === arguments[1]).length;",
                method, url).longValue();
    }

    /** The recorded requests to a URL, oldest first (method, url, headers, body). */
    List<Map<String, Object>> requestsTo(String method, String url) {
        return browser.script("return window.__requests.filter(r => r.method === arguments[0] && r.url === arguments[1]);",
                method, url);
    }

    /** Navigates inside the SPA (no reload, so the stub stays). */
    void navigate(String route) {
        browser.script("location.hash = arguments[0];", "#" + route);
    }

    /** Opens a route of the SPA and waits for its page title. */
    Browser show(String route) {
        browser.open(url("/#" + route));
        browser.waitForVisible(PAGE_TITLE);
        return browser;
    }
}
