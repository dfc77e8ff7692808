package mx.gob.inm.preregistro.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running Keycloak with realm {@code inm} imported from {@code deploy/keycloak}.
 *
 * @param url                the base URL, e.g. {@code http://127.0.0.1:41234}
 * @param adminUser          bootstrap admin of the master realm
 * @param adminPassword      its password (generated per run)
 * @param gatewayClientSecret the secret given to the realm's {@code gateway} client (generated per run)
 * @param identityClientSecret the secret of the realm's {@code identity-service} client, whose service account
 *                           manages users through the Admin REST API (generated per run)
 */
public record KeycloakServer(String url, String adminUser, String adminPassword, String gatewayClientSecret,
        String identityClientSecret) {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public String realmUrl() {
        return url + "/realms/inm";
    }

    /** A fresh access token of the master realm's admin, for the Admin REST API ({@code /admin/realms/inm/...}). */
    public String adminAccessToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + adminUser
                + "&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(url + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused the admin: " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
