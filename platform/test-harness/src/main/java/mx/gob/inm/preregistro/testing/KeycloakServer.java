package mx.gob.inm.preregistro.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String TEST_CLIENT = "harness-tests";
    private static final String TEST_PASSWORD = "Viajero#2026";

    public String realmUrl() {
        return url + "/realms/inm";
    }

    /** A fresh access token of the master realm's admin, for the Admin REST API ({@code /admin/realms/inm/...}). */
    public String adminAccessToken() {
        return token(url + "/realms/master/protocol/openid-connect/token", "grant_type=password&client_id=admin-cli"
                + "&username=" + encode(adminUser) + "&password=" + encode(adminPassword));
    }

    /**
     * An active traveller of realm {@code inm} with this e-mail (created on first use, enabled and verified) and a
     * fresh access token of theirs, signed by Keycloak, for calling a service directly as that traveller. The token
     * comes from a password grant of the test-only public client {@value #TEST_CLIENT}, which this method adds to
     * the running realm; the realm as code has no such client. {@code realmRoles} are granted before the token is
     * issued, so it carries them.
     */
    public TestTraveller traveller(String email, String... realmRoles) {
        String admin = adminAccessToken();
        addTestClient(admin);
        send(admin, "/users", "{\"username\":\"" + email + "\",\"email\":\"" + email + "\",\"enabled\":true,"
                + "\"emailVerified\":true,\"firstName\":\"Ana\",\"lastName\":\"Prueba\",\"credentials\":"
                + "[{\"type\":\"password\",\"value\":\"" + TEST_PASSWORD + "\",\"temporary\":false}]}");
        if (realmRoles.length > 0) {
            grant(admin, email, realmRoles);
        }
        String accessToken = passwordGrant(email, TEST_PASSWORD);
        String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher subject = SUBJECT.matcher(claims);
        if (!subject.find()) {
            throw new IllegalStateException("no subject in the traveller's token: " + claims);
        }
        return new TestTraveller(subject.group(1), email, accessToken);
    }

    /**
     * A fresh access token of an existing, active user of realm {@code inm} (a traveller who registered through the
     * portal, say), from a password grant of the test-only public client {@value #TEST_CLIENT}, added to the running
     * realm if missing: for calling a service directly as the user the gateway knows by session.
     */
    public String accessToken(String username, String password) {
        addTestClient(adminAccessToken());
        return passwordGrant(username, password);
    }

    /**
     * An access token of the confidential client {@code clientId} of realm {@code inm}, by the client-credentials
     * grant: what a partner's system (an airline, {@code airline-demo} in the local realm) calls the API with.
     */
    public String clientToken(String clientId, String secret) {
        return token(realmUrl() + "/protocol/openid-connect/token", "grant_type=client_credentials&client_id="
                + encode(clientId) + "&client_secret=" + encode(secret));
    }

    private void addTestClient(String adminToken) {
        send(adminToken, "/clients", "{\"clientId\":\"" + TEST_CLIENT + "\",\"publicClient\":true,"
                + "\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false}");
    }

    private String passwordGrant(String username, String password) {
        return token(realmUrl() + "/protocol/openid-connect/token", "grant_type=password&client_id=" + TEST_CLIENT
                + "&scope=openid&username=" + encode(username) + "&password=" + encode(password));
    }

    /** Gives an existing user of realm {@code inm} these realm roles (e.g. {@code operator}); next sign-in has them. */
    public void grantRealmRoles(String username, String... roles) {
        grant(adminAccessToken(), username, roles);
    }

    /**
     * Ends every Keycloak session of a user of realm {@code inm}, as an administrator's "Sign out" does: the tokens
     * already issued stay valid until they expire, but none can be refreshed.
     */
    public void signOut(String username) {
        String admin = adminAccessToken();
        send(admin, "POST", "/users/" + id(admin, "/users?exact=true&username=" + encode(username)) + "/logout", "");
    }

    /**
     * Sets an attribute of the client {@code clientId} of realm {@code inm} in the running realm, for example the
     * lifespan of the access tokens Keycloak issues to the gateway ({@code access.token.lifespan}, seconds); an empty
     * value gives the realm's own back.
     */
    public void clientAttribute(String clientId, String name, String value) {
        String admin = adminAccessToken();
        send(admin, "PUT", "/clients/" + id(admin, "/clients?clientId=" + encode(clientId)), "{\"clientId\":\""
                + clientId + "\",\"attributes\":{\"" + name + "\":\"" + value + "\"}}");
    }

    /** The id of the one resource of realm {@code inm} a search of the Admin REST API finds. */
    private String id(String adminToken, String search) {
        String found = exchange(HttpRequest.newBuilder(URI.create(url + "/admin/realms/inm" + search))
                .header("Authorization", "Bearer " + adminToken).build()).body();
        Matcher id = ID.matcher(found);
        if (!id.find()) {
            throw new IllegalStateException("nothing in Keycloak's realm inm at " + search + ": " + found);
        }
        return id.group(1);
    }

    /** Gives the user these realm roles of {@code inm} (e.g. {@code operator}, {@code airline}). */
    private void grant(String adminToken, String username, String... roles) {
        String user = id(adminToken, "/users?exact=true&username=" + encode(username));
        StringBuilder representations = new StringBuilder();
        for (String role : roles) {
            String representation = exchange(HttpRequest.newBuilder(URI.create(url + "/admin/realms/inm/roles/"
                    + encode(role))).header("Authorization", "Bearer " + adminToken).build()).body();
            representations.append(representations.isEmpty() ? "" : ",").append(representation);
        }
        send(adminToken, "/users/" + user + "/role-mappings/realm", "[" + representations + "]");
    }

    /** Creates a resource of realm {@code inm} through the Admin REST API; one that exists already is fine. */
    private void send(String adminToken, String path, String json) {
        send(adminToken, "POST", path, json);
    }

    /** Sends JSON to the Admin REST API of realm {@code inm}; a resource that exists already is fine. */
    private void send(String adminToken, String method, String path, String json) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(url + "/admin/realms/inm" + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() != 201 && response.statusCode() != 204 && response.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused " + path + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private String token(String tokenUrl, String form) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak refused a token: " + response.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A signed-in traveller for service tests.
     *
     * @param id          the Keycloak user id: the {@code sub} of the token, which services use as the account id
     * @param accessToken send as {@code Authorization: Bearer ...}; valid for the realm's token lifespan (5 minutes)
     */
    public record TestTraveller(String id, String email, String accessToken) {

        public String bearer() {
            return "Bearer " + accessToken;
        }
    }
}
