package mx.gob.inm.preregistro.preregistration;

import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.ServiceBootChecks;

@IntegrationTest
class PreregistrationServiceBootTest extends ServiceBootChecks {

    @Override
    protected String expectedDatabase() {
        return "preregistrations";
    }
}
