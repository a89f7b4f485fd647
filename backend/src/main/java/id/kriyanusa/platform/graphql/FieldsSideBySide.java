package id.kriyanusa.platform.graphql;

import io.micrometer.context.ContextRegistry;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextThreadLocalAccessor;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.graphql.data.method.HandlerMethod;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * A request's GraphQL fields run side by side on virtual threads of Boot's task executor
 * (`spring.task.execution.mode: force` in application.yaml), so a page's searches of
 * products, brands and villages wait together, not one after the other. Spring for
 * GraphQL carries the caller's thread-local context to those threads through Micrometer's
 * context propagation; the security context is registered by Spring Security, the
 * visitor's language is registered here, so that mails a request sends (a verification
 * link, an inquiry's confirmation) are in the language of the page that sent them.
 * <p>
 * Fields that only compute from their source ({@link DerivedField}) stay on the thread
 * that asks for them.
 */
@Configuration(proxyBeanMethods = false)
class FieldsSideBySide {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new LocaleContextThreadLocalAccessor());
    }

    @Bean
    static BeanPostProcessor derivedFieldsWhereAsked() {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer controllers) {
                    controllers.setBlockingMethodPredicate(FieldsSideBySide::blocking);
                }
                return bean;
            }

        };
    }

    /**
     * Spring for GraphQL's own rule (a method that returns no reactive or future value
     * blocks), except for derived fields.
     */
    private static boolean blocking(HandlerMethod method) {
        return !method.hasMethodAnnotation(DerivedField.class) && ReactiveAdapterRegistry.getSharedInstance()
            .getAdapter(method.getReturnType().getParameterType()) == null;
    }

}
