package mx.gob.inm.preregistro.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole stack with {@code ./preregistro up} once for every system test class of the JVM, and stops it with
 * {@code ./preregistro down} after the last one, which must leave no component listening.
 */
final class RunningStack implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningStack.class);
    private static final LocalStack STACK = new LocalStack();

    /** The stack the system tests share. */
    static LocalStack stack() {
        return STACK;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Up.class, key -> Up.start(), Up.class);
    }

    /** The stack while it runs; closing it stops the stack. */
    static final class Up implements AutoCloseable {

        static Up start() {
            LocalStack.Result up = STACK.run("up", 900);
            if (up.exitCode() != 0 || !up.output().contains("All healthy")
                    || !up.output().contains("http://localhost:" + STACK.port("GATEWAY_PORT") + "/")) {
                throw new IllegalStateException("./preregistro up failed:\n" + up.output());
            }
            return new Up();
        }

        @Override
        public void close() throws InterruptedException {
            LocalStack.Result down = STACK.run("down", 180);
            if (down.exitCode() != 0) {
                throw new IllegalStateException("./preregistro down failed:\n" + down.output());
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            List<Integer> listening = still();
            while (!listening.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                listening = still();
            }
            if (!listening.isEmpty()) {
                throw new IllegalStateException("ports still listening after ./preregistro down: " + listening);
            }
        }

        private static List<Integer> still() {
            return STACK.ports().values().stream().filter(LocalStack::listening).toList();
        }
    }
}
