package dev.kimigayo.isn.core.session;

import dev.kimigayo.isn.core.fetch.FetchException;
import dev.kimigayo.isn.core.fetch.FetchListener;
import dev.kimigayo.isn.core.fetch.FetchRequest;
import dev.kimigayo.isn.core.fetch.FetchResult;

/** Turns the fetcher's callbacks into engine events: each file as a started/finished pair with progress between. */
public final class DownloadProgress implements FetchListener {

    private final EngineListener listener;

    /** Reports to {@code listener}. */
    public DownloadProgress(EngineListener listener) {
        this.listener = listener;
    }

    @Override
    public void fetching(FetchRequest request) {
        // Only a request checked against a hash has a promised size; otherwise maxBytes is just a cap.
        long size = request.expectedSha256() != null ? request.maxBytes() : -1;
        listener.on(new EngineEvent.DownloadStarted(name(request), size));
    }

    @Override
    public void progress(FetchRequest request, long bytes, long total) {
        listener.on(new EngineEvent.Download(name(request), bytes, total));
    }

    @Override
    public void retrying(FetchRequest request, int nextAttempt, java.time.Duration delay, FetchException cause) {
        listener.on(new EngineEvent.Warning("fetching " + request.url() + " failed (" + cause.getMessage()
                + "); attempt " + nextAttempt + " in " + delay.toMillis() + " ms"));
    }

    @Override
    public void finished(FetchRequest request, FetchResult result) {
        listener.on(new EngineEvent.DownloadFinished(name(request), result.bytes(), EngineEvent.Ending.OK));
    }

    @Override
    public void failed(FetchRequest request, Exception cause) {
        boolean abandoned = cause instanceof FetchException f && f.reason() == FetchException.Reason.CANCELLED;
        EngineEvent.Ending ending = abandoned || listener.cancelled() ? EngineEvent.Ending.CANCELLED
                : EngineEvent.Ending.FAILED;
        listener.on(new EngineEvent.DownloadFinished(name(request), 0, ending));
    }

    @Override
    public boolean cancelled() {
        return listener.cancelled();
    }

    private static String name(FetchRequest r) {
        String path = r.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
