package org.ownersvote.platform.idempotency;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies a request with an Idempotency-Key once. Around the resource method (after the role check, before the
 * parameters are validated) it begins the transaction that the resource's and services' {@code @Transactional}
 * (REQUIRED) methods join, takes the key's row ({@link IdempotencyKeys#claim}), and then either answers the stored
 * response again ({@code Idempotent-Replayed: true}, nothing run) or runs the method: a 2xx answer is written as
 * bytes, stored with the key and committed with the effect, and those very bytes are sent; any other answer or
 * exception rolls back, which leaves the key free for a corrected request. A method's return type cannot carry the
 * replay, so it is thrown ({@link Replay}) and answered by {@link IdempotencyResponses}, which also puts the stored
 * bytes in place of the first answer's entity. Requests without the header, and
 * anonymous ones, run as they always did.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class IdempotencyInterceptor {

    @Inject
    IdempotencyRequest request;

    @Inject
    IdempotencyKeys keys;

    @Inject
    TransactionManager transactions;

    @Inject
    JsonWebToken jwt;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String caller = request.present() ? caller() : null;
        if (caller == null) {
            return invocation.proceed();
        }
        if (transactions.getTransaction() != null) {
            throw new IllegalStateException("an idempotent request must begin its own transaction");
        }
        transactions.begin();
        try {
            Optional<IdempotencyKeys.Answer> stored = keys.claim(caller, request);
            if (stored.isPresent()) {
                transactions.rollback(); // nothing was changed; the row stays as the first request left it
                throw new Replay(stored.get()); // answered by IdempotencyResponses, whatever the method returns
            }
            Object result = invocation.proceed();
            IdempotencyKeys.Answer answer = answer(result, invocation.getMethod());
            if (answer == null || transactions.getStatus() != Status.STATUS_ACTIVE) {
                transactions.rollback();
                return result;
            }
            keys.answer(caller, request.key(), answer);
            transactions.commit();
            request.answered(answer); // IdempotencyResponses sends these very bytes
            return result;
        } catch (Throwable e) {
            if (transactions.getTransaction() != null) {
                transactions.rollback();
            }
            throw e;
        }
    }

    /** The key's scope: the token's subject (a staff account's id, "ballot:&lt;serial&gt;" for an owner). */
    private String caller() {
        String subject = jwt.getSubject();
        return subject == null || subject.isBlank() ? null : subject;
    }

    /** The answer as it goes on the wire, or null when it is not a success (not stored, the key stays free). */
    private IdempotencyKeys.Answer answer(Object result, Method method) throws Exception {
        int status;
        Object entity;
        String contentType = null;
        String location = null;
        if (result instanceof Response response) {
            status = response.getStatus();
            entity = response.getEntity();
            if (response.getMediaType() != null) {
                contentType = response.getMediaType().toString();
            }
            if (response.getLocation() != null) {
                location = response.getLocation().toString();
            }
        } else {
            status = result == null ? 204 : 200;
            entity = result;
        }
        if (status < 200 || status > 299) {
            return null;
        }
        if (entity == null) {
            return new IdempotencyKeys.Answer(status == 200 ? 204 : status, null, location, new byte[0]);
        }
        if (contentType == null) {
            contentType = produces(method);
        }
        byte[] body;
        if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (entity instanceof String text && !contentType.contains("json")) {
            body = text.getBytes(StandardCharsets.UTF_8);
            if (!contentType.contains("charset")) {
                contentType = contentType + ";charset=UTF-8";
            }
        } else {
            body = json.writeValueAsBytes(entity);
        }
        return new IdempotencyKeys.Answer(status, contentType, location, body);
    }

    private static String produces(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces == null || produces.value().length == 0 ? MediaType.APPLICATION_JSON
                : produces.value()[0].split(",")[0].trim();
    }

    /** The stored answer, thrown instead of running the method again. */
    static final class Replay extends RuntimeException {

        final transient IdempotencyKeys.Answer answer;

        Replay(IdempotencyKeys.Answer answer) {
            super("replayed", null, false, false);
            this.answer = answer;
        }
    }
}
