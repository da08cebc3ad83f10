package dev.polyglot.adapters.grpc.client;

import dev.polyglot.gateway.config.Endpoint;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A fixed endpoint list as name resolution: host names are looked up (off the channel's
 * synchronization context, since lookups block) on start and on every refresh the channel asks for
 * after a connection failure, so a moved host is found again. An endpoint whose host does not resolve
 * is left out; when none resolves, the channel gets {@code UNAVAILABLE}.
 *
 * <p>Threading: {@link #start}, {@link #refresh} and {@link #shutdown} run on the channel's
 * synchronization context, and results are delivered back on it, so the fields need no locking.
 */
final class EndpointsNameResolver extends NameResolver {
  private final List<Endpoint> endpoints;
  private final String authority;
  private final SynchronizationContext sync;
  private final Executor offload;
  private Listener2 listener;
  private boolean resolving;
  private boolean shutdown;

  EndpointsNameResolver(List<Endpoint> endpoints, Args args) {
    this.endpoints = List.copyOf(endpoints);
    this.authority = endpoints.get(0).toString();
    this.sync = args.getSynchronizationContext();
    Executor executor = args.getOffloadExecutor();
    this.offload = executor != null ? executor : Runnable::run;
  }

  @Override
  public String getServiceAuthority() {
    return authority;
  }

  @Override
  public void start(Listener2 listener) {
    this.listener = listener;
    resolve();
  }

  @Override
  public void refresh() {
    resolve();
  }

  private void resolve() {
    if (resolving || shutdown) return;
    resolving = true;
    offload.execute(() -> {
      List<EquivalentAddressGroup> groups = new ArrayList<>();
      List<String> unresolved = new ArrayList<>();
      UnknownHostException[] firstFailure = {null};
      for (Endpoint e : endpoints) {
        try {
          List<SocketAddress> addresses = new ArrayList<>();
          for (InetAddress a : InetAddress.getAllByName(e.host())) addresses.add(new InetSocketAddress(a, e.port()));
          groups.add(new EquivalentAddressGroup(addresses));
        } catch (UnknownHostException ex) {
          unresolved.add(e.toString());
          if (firstFailure[0] == null) firstFailure[0] = ex;
        }
      }
      sync.execute(() -> deliver(groups, unresolved, firstFailure[0]));
    });
  }

  private void deliver(List<EquivalentAddressGroup> groups, List<String> unresolved, UnknownHostException failure) {
    resolving = false;
    if (shutdown) return;
    StatusOr<List<EquivalentAddressGroup>> result = groups.isEmpty()
        // The cause marks the status as the channel's own, not the backend's (see UnaryBackendMethod).
        ? StatusOr.fromStatus(Status.UNAVAILABLE.withDescription("no endpoint host resolves: " + String.join(", ", unresolved)).withCause(failure))
        : StatusOr.fromValue(groups);
    listener.onResult2(ResolutionResult.newBuilder().setAddressesOrError(result).build());
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }
}
