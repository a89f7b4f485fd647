package id.kriyanusa.search.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
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
 * <p>
 * Nor does the client answer 503 or 429 by waiting a second and sending the request
 * again, as the async HTTP client does by default: a node starting after a crash answers
 * 503 until its shards are back, and each search of a page waited that second once or
 * twice (4.4 s search pages in the fault run). A search has its own time limit and
 * circuit breaker, and indexing its own resubmission with back-off; both are told at
 * once.
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
            public void customize(HttpAsyncClientBuilder client) {
                client.setRetryStrategy(new DefaultHttpRequestRetryStrategy() {

                    @Override
                    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
                        return false;
                    }
                });
            }

            @Override
            public void customize(RequestConfig.Builder config) {
                config.setResponseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .setConnectionRequestTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
    }

}
