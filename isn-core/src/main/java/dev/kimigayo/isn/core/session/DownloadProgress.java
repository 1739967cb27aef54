package dev.kimigayo.isn.core.session;

import dev.kimigayo.isn.core.fetch.FetchException;
import dev.kimigayo.isn.core.fetch.FetchListener;
import dev.kimigayo.isn.core.fetch.FetchRequest;

/** Turns the fetcher's callbacks into engine events. */
public final class DownloadProgress implements FetchListener {

    private final EngineListener listener;

    /** Reports to {@code listener}. */
    public DownloadProgress(EngineListener listener) {
        this.listener = listener;
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
    public boolean cancelled() {
        return listener.cancelled();
    }

    private static String name(FetchRequest r) {
        String path = r.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
