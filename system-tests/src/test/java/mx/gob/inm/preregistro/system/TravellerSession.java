package mx.gob.inm.preregistro.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.testing.MailText;

/**
 * A traveller using the system through the gateway the way the web UI does, over plain HTTP: the session cookie,
 * the CSRF token echoed from the {@code XSRF-TOKEN} cookie on writes, and sign-in by the OIDC code flow on Keycloak's
 * own login form.
 */
final class TravellerSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACTIVATION = Pattern.compile("cuenta/activar\\?token=([A-Za-z0-9_-]+)");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;
    private final String gateway;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    final String email;

    private TravellerSession(LocalStack stack, String email) {
        this.stack = stack;
        this.gateway = "http://localhost:" + stack.port("GATEWAY_PORT");
        this.email = email;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)   // as browsers speak to http://, no h2c upgrade
                .cookieHandler(new LoopbackCookies(cookies)).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                // the response is handled on the client's selector thread instead of being handed to a pool thread:
                // the client's processor time a request falls to a third (0.20 -> 0.07 ms), time the benchmark's load
                // generator takes from the stack's own two cores (the bodies are read whole, nothing blocks there)
                .executor(Runnable::run).build();
    }

    /** A new anonymous visitor of the portal (with the gateway's CSRF cookie). */
    static TravellerSession visitor(LocalStack stack, String email) throws Exception {
        TravellerSession session = new TravellerSession(stack, email);
        session.get("/");
        return session;
    }

    /** A new traveller: CREAR CUENTA, the "Activar cuenta" e-mail's link, then INGRESAR on Keycloak's page. */
    static TravellerSession registered(LocalStack stack, String givenNames, String password) throws Exception {
        String email = givenNames.toLowerCase().replaceAll("[^a-z]", "") + "." + UUID.randomUUID().toString()
                .substring(0, 8) + "@example.co";
        TravellerSession session = visitor(stack, email);
        expect(session.register(givenNames, password), 201);
        Matcher link = ACTIVATION.matcher(session.awaitMail("Activa"));
        if (!link.find()) {
            throw new AssertionError("no activation link in the e-mail to " + email);
        }
        expect(session.post("/api/accounts/activation", "{\"token\":\"" + link.group(1) + "\"}"), 200);
        session.signIn(password);
        return session;
    }

    /** CREAR CUENTA with this session's e-mail and a fresh captcha; the gateway's answer. */
    HttpResponse<String> register(String givenNames, String password) throws Exception {
        String[] captcha = captcha();
        return post("/api/accounts", """
                {"givenNames":"%s","firstSurname":"Restrepo","secondSurname":"Gómez",
                 "nationality":"COL","birthDate":"1990-04-12","sex":"F","email":"%s","emailConfirmation":"%s",
                 "password":"%s","passwordConfirmation":"%s","privacyAccepted":true,
                 "captchaId":"%s","captchaAnswer":"%s","language":"es"}
                """.formatted(givenNames, email, email, password, password, captcha[0], captcha[1]));
    }

    /** INGRESAR: the gateway sends the browser to Keycloak's login form, which sends it back signed in. */
    void signIn(String password) throws Exception {
        HttpResponse<String> login = get("/oauth2/authorization/keycloak");
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new AssertionError("no Keycloak login form at " + login.uri() + ":\n" + login.body());
        }
        String action = form.group(1).replace("&amp;", "&");
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password=" + encode(password)
                        + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
        if (!back.uri().toString().startsWith(gateway) || !get("/api/session").body().contains("\"authenticated\":true")) {
            throw new AssertionError("sign-in of " + email + " failed at " + back.uri() + ":\n" + back.body());
        }
    }

    /** The {@code Cookie} header this session sends to the gateway: its session and its CSRF token. */
    String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(gateway)).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    /** A fresh captcha: its id and, from the test-mode header, its answer. */
    String[] captcha() throws Exception {
        HttpResponse<String> response = get("/api/captcha");
        return new String[] {read(response).get("id").asString(),
                response.headers().firstValue("X-Captcha-Answer").orElseThrow()};
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(write(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) throws Exception {
        return send(write(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(write(path).DELETE());
    }

    /** A multipart/form-data upload of one file, as the browser sends a file input. */
    HttpResponse<String> upload(String method, String path, String field, String fileName, String contentType,
            byte[] content) throws Exception {
        String boundary = "----preregistro" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(write(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The plain text of the newest e-mail to this traveller whose subject contains {@code subject}, waited for. */
    String awaitMail(String subject) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mails();
            for (int i = mails.size() - 1; i >= 0; i--) {
                if (mails.get(i).getSubject() != null && mails.get(i).getSubject().contains(subject)) {
                    return MailText.plain(mails.get(i));
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no e-mail '" + subject + "' to " + email);
    }

    /** The mails received so far; none while the mailbox does not exist (GreenMail creates it with the first). */
    List<MimeMessage> mails() {
        try {
            return stack.mailsTo(email);
        } catch (IllegalStateException noMailboxYet) {
            return List.of();
        }
    }

    static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " instead of " + status + ":\n" + response.body());
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder write(String path) {
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        return request(path).header("X-XSRF-TOKEN", csrf);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Keycloak marks its login cookies {@code Secure}; a browser still sends them to {@code http://localhost}, a
     * secure context, but Java's cookie manager does not. On this loopback-only stack the flag is dropped as they are
     * stored, which is what the browser's behaviour amounts to.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager delegate;

        LoopbackCookies(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> insecure = new HashMap<>();
            responseHeaders.forEach((name, values) -> insecure.put(name, name == null ? values : values.stream()
                    .map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()));
            delegate.put(uri, insecure);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
