package io.stratastor.rodent.events.toggle;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes with {@code UNAUTHENTICATED} every call whose {@code authorization: Bearer <token>}
 * metadata is missing or fails the token check, and counts it; thread-safe (immutable, the ledger
 * is thread-safe). Reasons are fixed phrases: the token never reaches a status, a log or a count.
 */
final class BearerAuthInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthInterceptor.class);
    private static final String SCHEME = "Bearer ";

    private final TokenCheck check;
    private final EventLedger ledger;

    BearerAuthInterceptor(TokenCheck check, EventLedger ledger) {
        this.check = check;
        this.ledger = ledger;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Optional<String> refusal = refusal(headers.get(AUTHORIZATION));
        if (refusal.isEmpty()) {
            return next.startCall(call, headers);
        }
        ledger.recordRejectedCall();
        LOG.warn("refused a {} call: {}", call.getMethodDescriptor().getFullMethodName(), refusal.get());
        call.close(Status.UNAUTHENTICATED.withDescription(refusal.get()), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    Optional<String> refusal(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.of("missing bearer token");
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.of("malformed authorization header (expected: Bearer <token>)");
        }
        String token = authorization.substring(SCHEME.length()).trim();
        if (token.isEmpty()) {
            return Optional.of("missing bearer token");
        }
        return check.refusal(token);
    }
}
