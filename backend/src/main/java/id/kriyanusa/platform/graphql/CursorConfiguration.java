package id.kriyanusa.platform.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;

/**
 * The cursor strategy Spring for GraphQL decodes `after` with into a
 * {@code ScrollSubrange}: the one {@link Connection} encodes cursors with. It replaces
 * Spring Boot's default (built the same way), so both sides cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
class CursorConfiguration {

    @Bean
    EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
        return Connection.CURSORS;
    }

}
