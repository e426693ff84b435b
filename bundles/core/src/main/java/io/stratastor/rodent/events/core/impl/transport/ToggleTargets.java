package io.stratastor.rodent.events.core.impl.transport;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.stratastor.rodent.events.core.impl.settings.ToggleAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The channel for a {@code toggle.address}: one Toggle as gRPC's own target; several, or every
 * address of a DNS name, balanced round robin over those that answer, so a batch that fails on
 * one Toggle goes again on another.
 */
final class ToggleTargets {
    static final String LIST_SCHEME = "rodent-toggles";

    private ToggleTargets() {
    }

    @SuppressWarnings("deprecation") // nameResolverFactory: the per-channel way, no process-wide registry to change
    static NettyChannelBuilder builder(String address) {
        ToggleAddress toggles = ToggleAddress.parse(address);
        if (!toggles.several()) {
            return NettyChannelBuilder.forTarget(address);
        }
        if (toggles.dns()) {
            return NettyChannelBuilder.forTarget(address).defaultLoadBalancingPolicy("round_robin");
        }
        return NettyChannelBuilder.forTarget(LIST_SCHEME + ":///" + toggles.endpoints().get(0))
                .nameResolverFactory(new ListedToggles(toggles.endpoints()))
                .defaultLoadBalancingPolicy("round_robin");
    }

    /** Resolves to the Toggles listed, each host looked up again whenever gRPC asks (after a failure). */
    private static final class ListedToggles extends NameResolver.Factory {
        private final List<String> endpoints;

        ListedToggles(List<String> endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public NameResolver newNameResolver(URI target, NameResolver.Args args) {
            return LIST_SCHEME.equals(target.getScheme()) ? new Resolver(endpoints) : null;
        }

        @Override
        public String getDefaultScheme() {
            return LIST_SCHEME;
        }
    }

    private static final class Resolver extends NameResolver {
        private final List<String> endpoints;
        private Listener2 listener;

        Resolver(List<String> endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public String getServiceAuthority() {
            return endpoints.get(0);
        }

        @Override
        public void start(Listener2 resultListener) {
            listener = resultListener;
            resolve();
        }

        @Override
        public void refresh() {
            if (listener != null) {
                resolve();
            }
        }

        // Each Toggle is checked against its own name under TLS: the authority of its address group.
        private void resolve() {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            for (String endpoint : endpoints) {
                int colon = endpoint.lastIndexOf(':');
                InetSocketAddress socket = new InetSocketAddress(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1)));
                if (!socket.isUnresolved()) {
                    groups.add(new EquivalentAddressGroup(socket,
                            Attributes.newBuilder().set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, endpoint).build()));
                }
            }
            if (groups.isEmpty()) {
                listener.onError(Status.UNAVAILABLE.withDescription("no Toggle of toggle.address resolves: " + String.join(",", endpoints)));
            } else {
                listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
            }
        }

        @Override
        public void shutdown() {
            listener = null;
        }
    }
}
