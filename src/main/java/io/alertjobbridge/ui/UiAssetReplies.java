package io.alertjobbridge.ui;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Answers a request for a status-page file (the {@link UiAssets.Asset} in the body) with its bytes,
 * its Content-Type and headers that keep the browser from guessing: no sniffing, no framing, and a
 * content security policy that runs only the page's own scripts, so even a value that slipped past
 * the page's escaping could not load or run anything.
 */
public final class UiAssetReplies {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public void asset(Exchange exchange) {
        UiAssets.Asset asset = exchange.getMessage().getBody(UiAssets.Asset.class);
        if (asset == null) {
            throw new IllegalStateException("no status-page file in the message body");
        }
        Message m = exchange.getMessage();
        // Nothing the caller sent goes back.
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        m.setHeader(Exchange.CONTENT_TYPE, asset.contentType());
        m.setHeader("X-Content-Type-Options", "nosniff");
        m.setHeader("Referrer-Policy", "no-referrer");
        m.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        m.setBody(asset.content());
    }
}
