package mx.gob.inm.preregistro.identity;

import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.ServiceBootChecks;

@IntegrationTest
class IdentityServiceBootTest extends ServiceBootChecks {

    @Override
    protected String expectedDatabase() {
        return "accounts";
    }
}
