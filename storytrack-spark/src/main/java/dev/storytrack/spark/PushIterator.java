package dev.storytrack.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Turns a reader that pushes items into a consumer (the core's readers) into the iterator a Spark
 * partition pulls from, through a small bounded queue and one daemon thread, so a multi-gigabyte
 * WARC file is never held in memory at once.
 */
final class PushIterator<T> implements Iterator<T> {
  private static final Object END = new Object();
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
  private final Thread producer;
  private volatile Throwable failure;
  private Object next;

  PushIterator(String name, Consumer<Consumer<T>> reader) {
    producer =
        new Thread(
            () -> {
              try {
                reader.accept(item -> put(item));
              } catch (RuntimeException | Error e) {
                if (!(e instanceof Stopped)) failure = e;
              } finally {
                try {
                  queue.put(END);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            name);
    producer.setDaemon(true);
    producer.start();
  }

  private void put(Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        producer.interrupt();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (next == END) {
      Throwable t = failure;
      if (t instanceof RuntimeException r) throw r;
      if (t instanceof Error er) throw er;
      return false;
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) throw new NoSuchElementException();
    T t = (T) next;
    next = null;
    return t;
  }

  /** Ends the producer when the consumer's task is interrupted. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }
}
