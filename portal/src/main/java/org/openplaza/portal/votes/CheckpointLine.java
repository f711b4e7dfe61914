package org.openplaza.portal.votes;

import com.vaadin.flow.component.html.Paragraph;
import org.openplaza.portal.layout.Formats;
import org.openplaza.voting.CheckpointService;

/** The last checkpoint the portal signed of a vote's box, with the key that checks it. */
class CheckpointLine extends Paragraph {

    CheckpointLine(CheckpointService checkpoints, long voteId) {
        setText(checkpoints
                .lastCheckpoint(voteId)
                .map(last -> getTranslation(
                        "vote.checkpoint",
                        last.ballots(),
                        last.headHash(),
                        Formats.dateTime(last.signedAt(), getLocale()),
                        last.signature(),
                        checkpoints.publicKey()))
                .orElseGet(() -> getTranslation("vote.checkpoint-none", checkpoints.publicKey())));
        setId("vote-checkpoint");
        addClassName("hash");
    }
}
