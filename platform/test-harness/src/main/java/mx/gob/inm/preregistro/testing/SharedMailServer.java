package mx.gob.inm.preregistro.testing;

import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** One GreenMail SMTP server per test JVM, on a free port; the same in both kinds of infrastructure. */
enum SharedMailServer implements Supplier<GreenMail> {
    INSTANCE;

    private GreenMail greenMail;

    @Override
    public synchronized GreenMail get() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
        }
        return greenMail;
    }
}
