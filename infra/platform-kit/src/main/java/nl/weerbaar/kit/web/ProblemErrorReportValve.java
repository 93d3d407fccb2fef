package nl.weerbaar.kit.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's own error report as problem+json, not an HTML page: for requests the connector refuses before any
 * application sees them ({@code %2F}, {@code %00} or a bad escape in the path, an invalid header).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectProvider<ProblemResponses> problems;

    public ProblemErrorReportValve(ObjectProvider<ProblemResponses> problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            problems.getObject().write(request, response, HttpStatusCode.valueOf(status), ProblemErrorController.code(status));
        } catch (IOException | RuntimeException e) {
            // the connection is gone or the response unusable: nothing more to tell the caller
        }
    }
}
