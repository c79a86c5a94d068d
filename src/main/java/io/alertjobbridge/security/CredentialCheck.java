package io.alertjobbridge.security;

/** One kind of credential an endpoint accepts: a token, basic auth, or a body signature. */
public interface CredentialCheck {

    Verdict check(InboundRequest request);
}
