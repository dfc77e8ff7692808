package mx.gob.inm.preregistro.notification;

import mx.gob.inm.preregistro.testing.ServiceBootChecks;

@NotificationServiceTest
class NotificationServiceBootTest extends ServiceBootChecks {

    @Override
    protected String expectedDatabase() {
        return "notifications";
    }
}
