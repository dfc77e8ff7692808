package mx.gob.inm.preregistro.document;

import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.ServiceBootChecks;

@IntegrationTest
class DocumentServiceBootTest extends ServiceBootChecks {

    @Override
    protected String expectedDatabase() {
        return "documents";
    }
}
