package id.kriyanusa.search.internal;

import java.io.IOException;

import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;

/**
 * The low-level client's answers read as failures when Elasticsearch refused the request.
 * Unlike the older RestClient, {@code Rest5Client} only throws for 5xx: a 400 (a
 * definition or query the node refuses) or a 404 comes back as an ordinary response, so
 * an index the node would not create looked created, and its first writes then
 * auto-created it with guessed mappings.
 */
final class ElasticsearchAnswers {

    private ElasticsearchAnswers() {
    }

    /**
     * The response when Elasticsearch did what was asked; otherwise its refusal, a
     * {@link ResponseException}.
     */
    static Response accepted(Response response) throws IOException {
        if (response.getStatusCode() >= 300) {
            throw new ResponseException(response);
        }
        return response;
    }

}
