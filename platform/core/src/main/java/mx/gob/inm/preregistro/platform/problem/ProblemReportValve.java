package mx.gob.inm.preregistro.platform.problem;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own answer to a request that reaches no servlet (an address that is not a URI, a version other than
 * HTTP/1, more headers than it reads) in the platform's problem+json instead of Tomcat's HTML page. The gateway
 * refuses such requests before they reach a service; a service called directly answers them the same way.
 * Everything a servlet answers keeps its own body: this valve writes only where nothing was written.
 */
public final class ProblemReportValve extends ErrorReportValve {

    private final IntFunction<byte[]> problemOfStatus;

    private ProblemReportValve(IntFunction<byte[]> problemOfStatus) {
        this.problemOfStatus = problemOfStatus;
    }

    /**
     * Puts the valve in place of the host's error report valves (Tomcat's, and the one Spring Boot adds): the host
     * then adds none of its own when it starts.
     */
    public static void install(Container host, IntFunction<byte[]> problemOfStatus) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
        pipeline.addValve(new ProblemReportValve(problemOfStatus));
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        byte[] body = problemOfStatus.apply(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException clientGoneOrStreamTaken) {
            // nothing more can be answered on this connection
        }
    }
}
