package dev.polyglot.adapters.grpc.common;

import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.EventLoop;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.IoHandlerFactory;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.ServerChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * The Netty event loops that the gRPC listener and every gRPC backend client of this JVM share: one
 * per core, epoll where the platform has it.
 *
 * <p>Design note, thread affinity: a gRPC caller's call runs on the event loop that read it (the
 * listener uses a direct executor), and a backend client keeps one channel per event loop here and
 * sends a call made on a loop through that loop's channel ({@link #currentIndex()}). The backend's
 * reply is then read on the same loop, which also writes the answer to the caller: a gRPC→gRPC call
 * never changes threads, so it costs no thread wake-up and its writes are flushed together with the
 * loop's other work. With grpc-java's defaults (a shared group of 2 loops per core, one channel per
 * backend) every call crossed between the caller's loop and the backend channel's loop twice.
 *
 * <p>The loops are daemon threads that live as long as the JVM, like grpc-java's own default group:
 * listeners and clients come and go (route changes, tests) without starting threads.
 */
public final class EventLoops {
  private static final EventLoops SHARED = create(Runtime.getRuntime().availableProcessors());

  private final EventLoopGroup group;
  private final EventLoop[] loops;
  private final Class<? extends ServerChannel> serverChannelType;
  private final Class<? extends Channel> channelType;

  private EventLoops(EventLoopGroup group, Class<? extends ServerChannel> serverChannelType, Class<? extends Channel> channelType) {
    this.group = group;
    List<EventLoop> list = new ArrayList<>();
    for (EventExecutor e : group) list.add((EventLoop) e);
    this.loops = list.toArray(new EventLoop[0]);
    this.serverChannelType = serverChannelType;
    this.channelType = channelType;
  }

  private static EventLoops create(int threads) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("polyglot-grpc", true), io);
    return epoll
        ? new EventLoops(group, EpollServerSocketChannel.class, EpollSocketChannel.class)
        : new EventLoops(group, NioServerSocketChannel.class, NioSocketChannel.class);
  }

  /** The JVM's shared loops. */
  public static EventLoops shared() {
    return SHARED;
  }

  /** All loops, for a server's boss and worker groups. */
  public EventLoopGroup group() {
    return group;
  }

  public int size() {
    return loops.length;
  }

  public EventLoop loop(int index) {
    return loops[index];
  }

  /** The index of the loop running on the current thread, or -1 when the current thread is none of them. */
  public int currentIndex() {
    for (int i = 0; i < loops.length; i++) if (loops[i].inEventLoop()) return i;
    return -1;
  }

  public Class<? extends ServerChannel> serverChannelType() {
    return serverChannelType;
  }

  public Class<? extends Channel> channelType() {
    return channelType;
  }
}
