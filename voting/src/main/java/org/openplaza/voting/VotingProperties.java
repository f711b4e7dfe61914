package org.openplaza.voting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of votes, under {@code openplaza.votes}.
 *
 * @param keyFile the Ed25519 key that signs checkpoints of ballot boxes. It must live outside the
 *     data folder and its backups: whoever can change the database must not be able to read it.
 *     Made on first use if missing, readable by the portal's user only.
 * @param sealKeys the folder of the per-vote keys that seal ballots while a vote runs. Like the
 *     key file it must live outside the data folder and never be backed up with the database: a
 *     copy of both would open the ballots of running votes. Each key is destroyed once its vote is
 *     counted.
 * @param turnoutBatch how many ballots must be cast after the last checkpoint before the next is
 *     signed: the turnout and the head shown while a vote runs move only at checkpoints, never with
 *     a single ballot.
 */
@ConfigurationProperties("openplaza.votes")
public record VotingProperties(
        @DefaultValue("./keys/ballot-box.ed25519") String keyFile,
        @DefaultValue("./keys/votes") String sealKeys,
        @DefaultValue("10") int turnoutBatch) {}
