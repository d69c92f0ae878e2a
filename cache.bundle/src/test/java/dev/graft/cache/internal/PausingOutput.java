package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An {@link AtomicFiles.Output} for tests that kill a process in the middle of a write: when the
 * system property {@value #PROPERTY} names the label of a write, it writes half of the bytes,
 * prints {@code graft.cache paused at LABEL} on standard output and waits until it is killed.
 * Other writes go through {@link AtomicFiles.Output#FILE_CHANNEL}.
 */
final class PausingOutput implements AtomicFiles.Output {

    /** The system property naming the label of the write to pause in. */
    static final String PROPERTY = "graft.cache.pauseAt";

    private final String pauseAt;

    private PausingOutput(String pauseAt) {
        this.pauseAt = pauseAt;
    }

    /** @return the output that pauses in the write the system property names, if any */
    static AtomicFiles.Output fromSystemProperty() {
        String label = System.getProperty(PROPERTY);
        return label == null ? AtomicFiles.Output.FILE_CHANNEL : new PausingOutput(label);
    }

    @Override
    public void write(Path temp, byte[] data, String label) throws IOException {
        if (!label.equals(pauseAt)) {
            AtomicFiles.Output.FILE_CHANNEL.write(temp, data, label);
            return;
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer half = ByteBuffer.wrap(data, 0, data.length / 2);
            while (half.hasRemaining()) {
                channel.write(half);
            }
            channel.force(true);
        }
        System.out.println("graft.cache paused at " + label);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while paused at " + label, e);
            }
        }
    }
}
