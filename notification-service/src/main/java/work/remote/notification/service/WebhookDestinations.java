package work.remote.notification.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.notification.config.NotificationConfig;

/**
 * Where webhooks may point: an http(s) URL on an allow-listed host ({@code notification.slack.allowed-hosts}) that
 * resolves to public addresses only, so that no one can make the service call into the private network or a cloud
 * metadata endpoint. Hosts in {@code notification.slack.allowed-internal-hosts} may be private (the local Slack sink).
 * Checked when a channel is written and again before every send, as DNS answers change.
 */
@ApplicationScoped
public class WebhookDestinations {

    private final Set<String> allowedHosts;
    private final Set<String> internalHosts;

    @Inject
    public WebhookDestinations(NotificationConfig config) {
        this(config.slack().allowedHosts(), config.slack().allowedInternalHosts().orElse(List.of()));
    }

    WebhookDestinations(List<String> allowedHosts, List<String> internalHosts) {
        this.internalHosts = normalized(internalHosts);
        this.allowedHosts = normalized(allowedHosts);
        this.allowedHosts.addAll(this.internalHosts);
    }

    /** Why a webhook may not be called at {@code url}, or empty when it may. Never repeats the URL (a secret). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUri) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        String host = hostOf(uri);
        if (!allowedHosts.contains(host)) {
            return Optional.of("must name an allowed host (notification.slack.allowed-hosts), not " + host);
        }
        if (internalHosts.contains(host)) {
            return Optional.empty();
        }
        return internalAddressOf(host).map(address -> "must not resolve to a private, loopback or link-local "
                + "address; " + host + " resolves to " + address);
    }

    /**
     * The first internal address {@code host} resolves to. A host that does not resolve now is left to the send,
     * which fails (and is retried) as any unreachable host, and is checked again before each attempt.
     */
    private static Optional<String> internalAddressOf(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return Optional.of(address.getHostAddress());
                }
            }
            return Optional.empty();
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
    }

    /** Loopback, unspecified, private (RFC 1918), shared (RFC 6598), link-local (metadata), unique-local, multicast. */
    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress() || sharedAddressSpace || uniqueLocal;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Set<String> normalized(List<String> hosts) {
        return hosts.stream().map(String::trim).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(HashSet::new));
    }
}
