package org.ownersvote.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A state-changing resource method (or every method of a resource class) that honours the {@code Idempotency-Key}
 * header: the same key from the same caller with the same method, path and body gets the first answer again, and
 * the effect is applied once ({@link IdempotencyInterceptor}, docs/architecture/idempotency.md).
 *
 * <p>Only for methods whose whole effect is in this service's database, that answer a JSON or text body, and whose
 * answer holds no secret that must not be stored (printed ballots carry verification codes: not idempotent).
 */
@InterceptorBinding
@Inherited
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** The request header. */
    String HEADER = "Idempotency-Key";

    /** The response header of an answer given again. */
    String REPLAYED = "Idempotent-Replayed";
}
