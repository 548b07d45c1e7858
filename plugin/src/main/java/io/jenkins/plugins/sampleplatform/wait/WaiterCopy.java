package io.jenkins.plugins.sampleplatform.wait;

import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * A private copy of a {@link RunWaiter} to poll on. The waiter is a mutable state machine saved with the Pipeline's
 * program; a poll on the saved object could be caught half-way by a save on the CPS thread. Polling on a copy and
 * then publishing it (one volatile write) means a save sees the state before the poll or after it, never between.
 * A serialized round trip of our own object (a few plain fields), limited to the classes a waiter is made of.
 */
final class WaiterCopy {

    private static final ObjectInputFilter OWN_CLASSES = ObjectInputFilter.Config.createFilter(
            "io.jenkins.plugins.sampleplatform.**;java.lang.*;java.time.*;maxdepth=10;!*");

    private WaiterCopy() {}

    static RunWaiter of(RunWaiter waiter) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(waiter);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                in.setObjectInputFilter(OWN_CLASSES);
                return (RunWaiter) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the wait's state", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Could not copy the wait's state", e);
        }
    }
}
