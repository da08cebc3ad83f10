package dev.polyglot.gateway.testing;

import dev.polyglot.gateway.Listener;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.StatusCode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener whose callers are in this JVM: {@link #call} does what an adapter does after decoding
 * (resolve, answer unknown methods itself, dispatch). Records its lifecycle events in order.
 */
public final class InProcessListener implements Listener {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private volatile CallDispatcher dispatcher;
  private volatile boolean accepting;

  @Override
  public String name() {
    return "in-process";
  }

  @Override
  public void start(CallDispatcher dispatcher) {
    this.dispatcher = dispatcher;
    accepting = true;
    events.add("start");
  }

  @Override
  public InetSocketAddress address() {
    return InetSocketAddress.createUnresolved("in-process", 0);
  }

  public CompletableFuture<Reply> call(String service, String method, WireFormat format, byte[] request) {
    if (!accepting) return CompletableFuture.completedFuture(Reply.error(StatusCode.UNAVAILABLE, "not accepting"));
    RouteMethod m = dispatcher.router().resolve(service, method);
    if (m == null) return CompletableFuture.completedFuture(Reply.error(StatusCode.UNIMPLEMENTED, "unknown method " + service + "/" + method));
    return dispatcher.dispatch(m, Call.of(service, method, format, request));
  }

  @Override
  public void stopAccepting() {
    accepting = false;
    events.add("stopAccepting");
  }

  @Override
  public void close() {
    events.add("close");
  }

  public List<String> events() {
    return events;
  }
}
