package nl.weerbaar.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body beyond its limit ({@link WebKitProperties}) with 413 before anything parses it: at once when
 * the declared length is too large, and while reading when the length is not declared (chunked) — then the read fails
 * with {@link BodyTooLargeException}, which {@link ProblemHandler} answers with 413 too.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final WebKitProperties limits;
    private final ProblemResponses problems;

    public BodyLimitFilter(WebKitProperties limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize limit = limits.maxBodyFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", readable(limit));
            return;
        }
        chain.doFilter(declared < 0 ? new Limited(request, limit) : request, response);
    }

    static String readable(DataSize size) {
        return size.toKilobytes() >= 1024 && size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB"
                : size.toKilobytes() + " KB";
    }

    /** A read went past the limit of a body whose length was not declared. */
    public static class BodyTooLargeException extends IOException {

        private final transient DataSize limit;

        BodyTooLargeException(DataSize limit) {
            super("request body larger than " + readable(limit));
            this.limit = limit;
        }

        public String limit() {
            return readable(limit);
        }
    }

    /** The request with a body that fails once more than the limit has been read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final DataSize limit;
        private long read;

        Counting(ServletInputStream in, DataSize limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit.toBytes()) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
