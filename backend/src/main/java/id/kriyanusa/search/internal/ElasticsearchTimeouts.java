package id.kriyanusa.search.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.RequestConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds every Elasticsearch request by {@code spring.elasticsearch.socket-timeout}.
 * <p>
 * Boot applies that property to the connections' socket timeout only, but the Rest5
 * client's default request configuration has a response timeout of 0, which the async
 * HTTP client applies to the connection for the duration of each request: no timeout at
 * all. A node that accepts connections but answers nothing (frozen, swapping, a network
 * partition that keeps TCP up) would then keep every indexing listener waiting forever,
 * and with 10 connections per node the other requests would queue behind them for the
 * lease timeout (30 s). Here the response timeout and the wait for a pooled connection
 * are both the socket timeout, so a listener fails after it and its event publication
 * stays incomplete for resubmission (SearchOutageIntegrationTest).
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchTimeouts {

    @Bean
    Rest5ClientBuilderCustomizer elasticsearchRequestTimeouts(
            @Value("${spring.elasticsearch.socket-timeout:10s}") Duration timeout) {
        return new Rest5ClientBuilderCustomizer() {

            @Override
            public void customize(co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder builder) {
            }

            @Override
            public void customize(RequestConfig.Builder config) {
                config.setResponseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .setConnectionRequestTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
    }

}
