package org.openplaza.portal.embed;

import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openplaza.portal.dashboards.LiveDatasets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps embedded dashboards current. Each embed opens a stream of server-sent events that says
 * {@code changed} when a dataset it shows changes, on any node of the cluster; the embed's script
 * then fetches its tiles again, as any visitor would. Only that word travels on the stream (with
 * the dataset's id, which the embed's page already links to), never a figure. A comment every
 * 25 seconds keeps proxies from closing a quiet stream; a stream ends after 30 minutes and the
 * browser opens another. A node holds at most {@code openplaza.embed.live-streams} streams; past
 * that, an embed stays as it was drawn.
 */
@Component
class EmbedStreams {

    /** How long one stream lasts before the browser is left to open another. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    /** How often a quiet stream gets a comment, within the proxies' 60 seconds. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private final LiveDatasets live;
    private final int max;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "embed-streams");
        thread.setDaemon(true);
        return thread;
    });

    EmbedStreams(LiveDatasets live, @Value("${openplaza.embed.live-streams:1000}") int max) {
        this.live = live;
        this.max = max;
        keepAlive.scheduleWithFixedDelay(
                () -> open.forEach(stream -> send(stream, SseEmitter.event().comment("keep-alive"))),
                KEEP_ALIVE.toSeconds(),
                KEEP_ALIVE.toSeconds(),
                TimeUnit.SECONDS);
    }

    /** A stream of the changes to these datasets; null when this node holds as many as it may. */
    @Nullable
    SseEmitter open(Set<Long> datasets) {
        if (open.size() >= max) {
            return null;
        }
        SseEmitter stream = new SseEmitter(LIFETIME.toMillis());
        open.add(stream);
        Registration watch = live.watch(
                datasets,
                dataset -> send(stream, SseEmitter.event().name("changed").data(dataset)));
        Runnable end = () -> {
            watch.remove();
            open.remove(stream);
        };
        stream.onCompletion(end);
        stream.onError(error -> end.run());
        stream.onTimeout(() -> {
            end.run();
            stream.complete();
        });
        // sent at once, so that the browser knows the stream is open; a lost stream is opened
        // again five seconds later
        send(stream, SseEmitter.event().comment("open").reconnectTime(5_000));
        return stream;
    }

    /** How many embeds this node keeps current now. */
    int streams() {
        return open.size();
    }

    private void send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException e) {
            // the reader has gone: the container ends the stream, which stops watching
            open.remove(stream);
            stream.completeWithError(e);
        }
    }

    /** Ends every stream as the node begins to stop, so that its graceful shutdown does not wait for them. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closing() {
        open.forEach(SseEmitter::complete);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        keepAlive.shutdownNow();
        open.forEach(SseEmitter::complete);
    }
}
