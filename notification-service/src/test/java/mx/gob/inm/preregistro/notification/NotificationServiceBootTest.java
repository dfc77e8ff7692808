package mx.gob.inm.preregistro.notification;

import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.ServiceBootChecks;

@IntegrationTest
class NotificationServiceBootTest extends ServiceBootChecks {

    @Override
    protected String expectedDatabase() {
        return "notifications";
    }
}
