package org.openplaza.portal.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.dashboards.LiveDatasets;

/** A node keeps as many embeds current as it is allowed, each watching its dashboard's datasets. */
class EmbedStreamsTest {

    @Test
    void past_the_streams_a_node_may_hold_an_embed_gets_none() {
        LiveDatasets live = new LiveDatasets();
        EmbedStreams streams = new EmbedStreams(live, 2);
        try {
            assertThat(streams.open(Set.of(1L, 2L))).isNotNull();
            assertThat(streams.open(Set.of(3L))).isNotNull();
            assertThat(live.watching()).isEqualTo(2);
            assertThat(streams.open(Set.of(1L))).isNull();
            assertThat(streams.streams()).isEqualTo(2);
            assertThat(live.watching()).isEqualTo(2);
        } finally {
            streams.stop();
        }
    }
}
