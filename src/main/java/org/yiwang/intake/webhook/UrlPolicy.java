package org.yiwang.intake.webhook;

import org.yiwang.platform.LocalizedException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may go: absolute http(s) URLs without credentials in them, to a host that resolves to
 * neither a link-local address (cloud metadata services live there), a wildcard or multicast address,
 * nor — unless {@code yiwang.intake.webhooks.allow-loopback} — the machine itself. Checked when a
 * subscriber is saved and again before every attempt (DNS may change). Private intranet addresses are
 * allowed: that is where a district's hotline system usually runs.
 */
final class UrlPolicy {

    static final int MAX_LENGTH = 2000;

    private UrlPolicy() {
    }

    /** The URL, or 400 naming what is wrong with it. */
    static URI check(String url) {
        if (url == null || url.isBlank()) {
            throw LocalizedException.badRequest("intake.webhook.urlRequired");
        }
        if (url.length() > MAX_LENGTH) {
            throw LocalizedException.badRequest("intake.field.tooLong", MAX_LENGTH, url.length());
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw LocalizedException.badRequest("intake.webhook.url", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw LocalizedException.badRequest("intake.webhook.scheme", url);
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw LocalizedException.badRequest("intake.webhook.url", url);
        }
        return uri;
    }

    /** Empty when the host may be called, else why not (for the delivery's error). */
    static java.util.Optional<String> refusal(URI uri, boolean allowLoopback) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return java.util.Optional.of("unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                return java.util.Optional.of("address " + address.getHostAddress() + " is not allowed");
            }
            if (address.isLoopbackAddress() && !allowLoopback) {
                return java.util.Optional.of("loopback address " + address.getHostAddress() + " is not allowed");
            }
        }
        return java.util.Optional.empty();
    }
}
