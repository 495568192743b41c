package work.remote.console.live;

import java.util.function.Consumer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Server-Sent Events for a page: every event that concerns {@code about} (a launch or ticket id), named
 * {@code changed}, with the sentence that says what happened. A page reads what changed from the services itself. A
 * reconnecting page (the browser sends {@code Last-Event-ID}) first gets what it missed, or a {@code changed} that
 * says the page was read anew when the console no longer holds all it missed.
 */
@Path("/live")
public class LiveResource {

    static final String EVENT = "changed";
    static final String CAUGHT_UP = "Reconnected: the page was read anew, since some updates could not be replayed";

    private final LiveEvents live;

    public LiveResource(LiveEvents live) {
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@QueryParam("about") String about, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Subscription subscription = new Subscription(about, sink, sse);
        live.subscribe(lastEventId, subscription::replay, subscription);
    }

    private final class Subscription implements Consumer<LiveEvent> {

        private final String about;
        private final SseEventSink sink;
        private final Sse sse;

        Subscription(String about, SseEventSink sink, Sse sse) {
            this.about = about;
            this.sink = sink;
            this.sse = sse;
        }

        void replay(LiveEvents.Replay replay) {
            if (replay.gap()) {
                send(live.lastId(), CAUGHT_UP);
            }
            replay.events().forEach(this);
        }

        @Override
        public void accept(LiveEvent event) {
            if (sink.isClosed()) {
                live.unsubscribe(this);
            } else if (event.concerns(about)) {
                send(live.idOf(event), event.summary());
            }
        }

        private void send(String id, String data) {
            sink.send(sse.newEventBuilder().id(id).name(EVENT).data(data).build()).whenComplete((sent, failure) -> {
                if (failure != null) {
                    live.unsubscribe(this);
                    sink.close();
                }
            });
        }
    }
}
