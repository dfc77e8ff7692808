package mx.gob.inm.preregistro.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommonsLoggingTest {

    @Test
    @DisplayName("Spring's logging does not build a message whose level is off (debug), and still logs what is on")
    void disabledMessagesAreNotBuilt() {
        AtomicInteger built = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                built.incrementAndGet();
                return "built";
            }
        };
        Log log = LogFactory.getLog("org.springframework.security.web.server");

        assertThat(log.isDebugEnabled()).isFalse();
        log.debug(message);
        log.trace(message);
        assertThat(built).as("debug and trace messages built").hasValue(0);

        log.warn(message);
        assertThat(built).as("a warning is logged").hasValue(1);
    }
}
