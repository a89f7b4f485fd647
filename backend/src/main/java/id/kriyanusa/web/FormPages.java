package id.kriyanusa.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The page a refused form was on, for its error page to lead back to: the pages' forms
 * are sent to their page's own address, so a form the container refused before any page
 * saw it (an upload above the multipart limit) came from the page a GET of that address
 * shows. Only the refused request's own address is read, never a header, and only when
 * the portal has a page there.
 */
@Component
class FormPages {

    private final ObjectProvider<RequestMappingHandlerMapping> pages;

    FormPages(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> pages) {
        this.pages = pages;
    }

    /**
     * On the error page of a form sent, the path (without the context path) of the page
     * the form was on; null on other pages, and when no page of the portal has that
     * address.
     */
    String of(HttpServletRequest request) {
        // an error dispatch is a GET, naming the refused request's method apart
        if (request.getDispatcherType() != DispatcherType.ERROR
                || !"POST".equals(request.getAttribute(RequestDispatcher.ERROR_METHOD))
                || !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !uri.startsWith(request.getContextPath())) {
            return null;
        }
        var path = uri.substring(request.getContextPath().length());
        if (!path.startsWith("/") || path.startsWith("//")) {
            return null;
        }
        var address = PathContainer.parsePath(path);
        var shown = pages.getObject()
            .getHandlerMethods()
            .entrySet()
            .stream()
            .anyMatch(page -> page.getValue().getBeanType().getPackage() == FormPages.class.getPackage()
                    && page.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)
                    && page.getKey().getPathPatternsCondition() != null
                    && page.getKey()
                        .getPathPatternsCondition()
                        .getPatterns()
                        .stream()
                        .anyMatch(pattern -> pattern.matches(address)));
        return shown ? path : null;
    }

}
