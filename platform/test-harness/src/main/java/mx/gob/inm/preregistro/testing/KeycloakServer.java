package mx.gob.inm.preregistro.testing;

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

    public String realmUrl() {
        return url + "/realms/inm";
    }
}
