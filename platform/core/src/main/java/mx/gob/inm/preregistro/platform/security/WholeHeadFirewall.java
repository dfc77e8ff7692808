package mx.gob.inm.preregistro.platform.security;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with every header of a request checked as the request arrives. The strict
 * firewall checks a header only when something reads it; a control character in {@code Accept},
 * {@code Accept-Language} or a {@code Content-Type}'s parameter then failed deep inside Spring MVC, or inside the
 * writing of the problem itself: a 500, or a 400 with no body. Checked at once, such a request is refused before
 * any filter or controller runs, by the platform's rejected-request problem.
 */
final class WholeHeadFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict;

    WholeHeadFirewall(StrictHttpFirewall strict) {
        this.strict = strict;
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest firewalled = strict.getFirewalledRequest(request);
        // the strict firewall's request checks each name and value it hands out
        for (Enumeration<String> names = firewalled.getHeaderNames(); names.hasMoreElements();) {
            for (Enumeration<String> values = firewalled.getHeaders(names.nextElement()); values.hasMoreElements();) {
                values.nextElement();
            }
        }
        return firewalled;
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }
}
