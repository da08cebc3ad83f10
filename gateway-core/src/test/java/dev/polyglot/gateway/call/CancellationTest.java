package dev.polyglot.gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class CancellationTest {

  @Test
  void listenersRunOnceInRegistrationOrderWhenCancelled() {
    Cancellation c = Cancellation.create();
    List<String> ran = new ArrayList<>();
    c.onCancel(() -> ran.add("first"));
    c.onCancel(() -> ran.add("second"));
    c.onCancel(() -> ran.add("third"));
    assertEquals(List.of(), ran);
    assertFalse(c.isCancelled());

    assertTrue(c.cancel());
    assertFalse(c.cancel());

    assertTrue(c.isCancelled());
    assertEquals(List.of("first", "second", "third"), ran);
  }

  @Test
  void aListenerRegisteredAfterTheCancelRunsAtOnceOnTheRegisteringThread() {
    Cancellation c = Cancellation.create();
    c.cancel();
    List<Thread> ran = new ArrayList<>();

    c.onCancel(() -> ran.add(Thread.currentThread()));

    assertEquals(List.of(Thread.currentThread()), ran);
    c.cancel();
    assertEquals(1, ran.size());
  }

  @Test
  void noneIsNeverCancelledAndKeepsNoListener() {
    AtomicInteger ran = new AtomicInteger();
    Cancellation.NONE.onCancel(ran::incrementAndGet);

    assertFalse(Cancellation.NONE.cancel());

    assertFalse(Cancellation.NONE.isCancelled());
    assertEquals(0, ran.get());
    assertEquals("Cancellation[NONE]", Cancellation.NONE.toString());
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheOthers() {
    Cancellation c = Cancellation.create();
    List<String> ran = new ArrayList<>();
    c.onCancel(() -> ran.add("before"));
    c.onCancel(() -> {
      throw new IllegalStateException("listener bug");
    });
    c.onCancel(() -> ran.add("after"));

    assertTrue(c.cancel());

    assertEquals(List.of("before", "after"), ran);
    assertEquals("Cancellation[cancelled]", c.toString());
  }

  @Test
  void concurrentCancelsRunEveryListenerExactlyOnceAndOnlyOneCancelWins() throws Exception {
    int threads = 8;
    int listeners = 100;
    for (int round = 0; round < 50; round++) {
      Cancellation c = Cancellation.create();
      AtomicIntegerArray runs = new AtomicIntegerArray(listeners);
      for (int i = 0; i < listeners; i++) {
        int index = i;
        c.onCancel(() -> runs.incrementAndGet(index));
      }
      AtomicInteger wins = new AtomicInteger();
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Thread> started = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread th = new Thread(() -> {
          try {
            start.await(5, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          if (c.cancel()) wins.incrementAndGet();
        });
        th.start();
        started.add(th);
      }
      for (Thread th : started) th.join(5_000);

      assertEquals(1, wins.get());
      for (int i = 0; i < listeners; i++) assertEquals(1, runs.get(i), "listener " + i + " in round " + round);
    }
  }

  @Test
  void listenersRegisteredWhileAnotherThreadCancelsEachRunExactlyOnce() throws Exception {
    int listeners = 2_000;
    for (int round = 0; round < 20; round++) {
      Cancellation c = Cancellation.create();
      AtomicIntegerArray runs = new AtomicIntegerArray(listeners);
      CountDownLatch halfway = new CountDownLatch(1);
      Thread registering = new Thread(() -> {
        for (int i = 0; i < listeners; i++) {
          int index = i;
          c.onCancel(() -> runs.incrementAndGet(index));
          if (i == listeners / 2) halfway.countDown();
        }
      });
      registering.start();
      assertTrue(halfway.await(5, TimeUnit.SECONDS));
      assertTrue(c.cancel());
      registering.join(5_000);

      for (int i = 0; i < listeners; i++) assertEquals(1, runs.get(i), "listener " + i + " in round " + round);
    }
  }
}
