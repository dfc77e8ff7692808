package mx.gob.inm.preregistro.fmme;

import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.ServiceBootChecks;

@IntegrationTest
class FmmeServiceBootTest extends ServiceBootChecks {

    @Override
    protected String expectedDatabase() {
        return "fmme";
    }
}
