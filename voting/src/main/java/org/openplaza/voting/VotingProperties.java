package org.openplaza.voting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of votes, under {@code openplaza.votes}.
 *
 * @param keyFile the Ed25519 key that signs checkpoints of ballot boxes. It must live outside the
 *     data folder and its backups: whoever can change the database must not be able to read it.
 *     Made on first use if missing, readable by the portal's user only.
 */
@ConfigurationProperties("openplaza.votes")
public record VotingProperties(
        @DefaultValue("./keys/ballot-box.ed25519") String keyFile) {}
