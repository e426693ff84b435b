package io.stratastor.rodent.events.core.impl.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code toggle.address} names: one Toggle ({@code host:port}), several Toggles behind no
 * balancer of their own ({@code host:port,host:port}), or every address a DNS name resolves to
 * ({@code dns:///host:port}). With more than one, the node spreads its batches over those that
 * answer, round robin, and a batch that fails on one goes again on another. Immutable.
 *
 * @param endpoints the {@code host:port} of each, in the order given
 * @param dns whether the one endpoint is a DNS name to resolve to every Toggle it names
 */
public record ToggleAddress(List<String> endpoints, boolean dns) {
    static final String DNS_PREFIX = "dns:///";

    public ToggleAddress {
        endpoints = List.copyOf(endpoints);
    }

    /** More than one Toggle may answer: batches are spread round robin. */
    public boolean several() {
        return dns || endpoints.size() > 1;
    }

    /**
     * Parses a non-empty {@code toggle.address}.
     *
     * @throws IllegalArgumentException naming the endpoint that is not {@code host:port}
     */
    public static ToggleAddress parse(String address) {
        boolean dns = address.startsWith(DNS_PREFIX);
        String list = dns ? address.substring(DNS_PREFIX.length()) : address;
        List<String> endpoints = new ArrayList<>();
        for (String endpoint : list.split(",", -1)) {
            endpoints.add(checked(endpoint.strip()));
        }
        if (dns && endpoints.size() > 1) {
            throw new IllegalArgumentException("toggle.address: dns:/// takes one name; expected dns:///toggle.example:50051, "
                    + "or a list of host:port without dns:///");
        }
        return new ToggleAddress(endpoints, dns);
    }

    private static String checked(String endpoint) {
        if (endpoint.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("toggle.address: an endpoint holds a control character; expected host:port");
        }
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0 || colon == endpoint.length() - 1 || !endpoint.substring(colon + 1).chars().allMatch(Character::isDigit)
                || endpoint.length() - colon > 6) {
            throw new IllegalArgumentException("toggle.address: " + Shown.quoted(endpoint)
                    + "; expected host:port, e.g. toggle.example:50051 (several: host:port,host:port; every address of a name: dns:///host:port)");
        }
        int port = Integer.parseInt(endpoint.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("toggle.address: port " + port + " of " + Shown.quoted(endpoint) + "; expected 1 to 65535");
        }
        return endpoint;
    }
}
