package org.ownersvote.platform.idempotency;

import java.lang.annotation.Annotation;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sends what {@link IdempotencyInterceptor} stored: the replay of an earlier answer (with
 * {@code Idempotent-Replayed: true}), and the first answer as the very bytes kept with the key. Neither owns a
 * transaction: if a response filter is skipped (a dropped connection), only the wire copy is lost.
 */
public class IdempotencyResponses {

    @Inject
    IdempotencyRequest current;

    @ServerExceptionMapper
    public Response replay(IdempotencyInterceptor.Replay replay) {
        IdempotencyKeys.Answer answer = replay.answer;
        Response.ResponseBuilder builder = Response.status(answer.status()).header(Idempotent.REPLAYED, "true");
        if (answer.body().length > 0) {
            builder.entity(answer.body()).type(answer.contentType());
        }
        if (answer.location() != null) {
            builder.header(HttpHeaders.LOCATION, answer.location());
        }
        return builder.build();
    }

    @ServerResponseFilter
    public void firstAnswer(ContainerResponseContext response) {
        IdempotencyKeys.Answer answer = current.answered();
        if (answer == null || response.getStatus() != answer.status() || answer.body().length == 0) {
            return;
        }
        response.setEntity(answer.body(), new Annotation[0],
                MediaType.valueOf(answer.contentType()));
    }
}
