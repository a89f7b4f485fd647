package id.kriyanusa.web;

import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.validation.DataBinder;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses (400) a form whose rows (`certifications[3].kind`) are numbered beyond what a
 * form binds. Spring's binder grows a form's list of rows up to
 * {@link DataBinder#DEFAULT_AUTO_GROW_COLLECTION_LIMIT}, and binding a record's rows
 * beyond that fails with an IndexOutOfBoundsException, a failed page. No page offers that
 * many rows (a brand names at most 10 certifications and 50 artisans), so only an altered
 * form numbers them so: it is a bad request, said as such.
 */
class FormRowLimit implements HandlerInterceptor {

    private static final Pattern ROW = Pattern.compile("\\[(\\d+)]");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an error page is no form: reading the parameters of an upload refused as too
        // large again would fail the "too large" page itself
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        for (var name : request.getParameterMap().keySet()) {
            var row = ROW.matcher(name);
            while (row.find()) {
                var index = row.group(1);
                if (index.length() > 9 || Integer.parseInt(index) >= DataBinder.DEFAULT_AUTO_GROW_COLLECTION_LIMIT) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Rows beyond any form's: " + name);
                }
            }
        }
        return true;
    }

}
