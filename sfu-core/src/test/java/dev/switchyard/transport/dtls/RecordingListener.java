package dev.switchyard.transport.dtls;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.switchyard.transport.srtp.SrtpKeyingMaterial;

/** Records a session's listener calls as futures the test can wait on. */
final class RecordingListener implements DtlsSession.Listener {

    private static final long WAIT_SECONDS = 20;

    final CompletableFuture<SrtpKeyingMaterial> keys = new CompletableFuture<>();
    final CompletableFuture<Exception> failure = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final BlockingQueue<byte[]> applicationData = new LinkedBlockingQueue<>();

    @Override
    public void onHandshakeComplete(SrtpKeyingMaterial keys) {
        this.keys.complete(keys);
    }

    @Override
    public void onHandshakeFailed(Exception cause) {
        failure.complete(cause);
    }

    @Override
    public void onClosed() {
        closed.complete(null);
    }

    @Override
    public void onApplicationData(byte[] buffer, int offset, int length) {
        applicationData.add(Arrays.copyOfRange(buffer, offset, offset + length));
    }

    byte[] awaitApplicationData() throws Exception {
        return applicationData.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    SrtpKeyingMaterial awaitKeys() throws Exception {
        return keys.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    Exception awaitFailure() throws Exception {
        return failure.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    void awaitClosed() throws Exception {
        closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
