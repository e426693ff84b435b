package io.stratastor.rodent.events.eventadmin.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An Event Admin that keeps what is posted; it can be made to throw, or to hold its caller until released. */
final class RecordingEventAdmin implements EventAdmin {
    final List<Event> posted = new CopyOnWriteArrayList<>();
    final CountDownLatch release;
    final CountDownLatch entered = new CountDownLatch(1);
    volatile RuntimeException failure;

    RecordingEventAdmin() {
        this(new CountDownLatch(0));
    }

    /** Each post waits until {@code release} opens. */
    RecordingEventAdmin(CountDownLatch release) {
        this.release = release;
    }

    @Override
    public void postEvent(Event event) {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        posted.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        throw new AssertionError("the bridge must post, never send: " + event.getTopic());
    }
}
