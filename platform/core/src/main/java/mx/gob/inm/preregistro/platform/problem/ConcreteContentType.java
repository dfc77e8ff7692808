package mx.gob.inm.preregistro.platform.problem;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose body's type is a wildcard ({@code Content-Type: *}{@code /*}, {@code application/*}) is taken as
 * naming no type. Spring MVC failed on it when reading the body, a 500 from every JSON endpoint: its request headers
 * refuse a wildcard type once the request's character encoding is added to it (spring-framework#27957). Taken as
 * none, a body is the {@code 415} problem of any type an endpoint does not read, and a request without a body is
 * served.
 */
public final class ConcreteContentType extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(isWildcard(request.getContentType()) ? new WithoutContentType(request) : request, response);
    }

    /** Whether {@code contentType} reads as a type with a wildcard; one that cannot be read Spring already ignores. */
    static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.indexOf('*') < 0) {
            return false;
        }
        try {
            return !MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** The request with no {@code Content-Type}, however it is asked for. */
    private static final class WithoutContentType extends HttpServletRequestWrapper {

        WithoutContentType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return isContentType(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContentType(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !isContentType(name)).toList());
        }

        private static boolean isContentType(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
        }
    }
}
