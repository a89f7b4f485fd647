package id.kriyanusa.platform.graphql;

import io.micrometer.context.ContextRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextThreadLocalAccessor;

/**
 * A request's GraphQL fields run side by side on virtual threads of Boot's task executor
 * (`spring.task.execution.mode: force` in application.yaml), so a page's searches of
 * products, brands and villages wait together, not one after the other. Spring for
 * GraphQL carries the caller's thread-local context to those threads through Micrometer's
 * context propagation; the security context is registered by Spring Security, the
 * visitor's language is registered here, so that mails a request sends (a verification
 * link, an inquiry's confirmation) are in the language of the page that sent them.
 */
@Configuration(proxyBeanMethods = false)
class FieldsSideBySide {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new LocaleContextThreadLocalAccessor());
    }

}
