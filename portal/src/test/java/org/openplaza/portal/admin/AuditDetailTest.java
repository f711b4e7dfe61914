package org.openplaza.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.audit.AuditDetail;
import org.openplaza.portal.MockUi;

/** Audit details read in the administrator's language; sentences of old events as they were written. */
@ExtendWith(MockUi.class)
class AuditDetailTest {

    @Test
    void a_detail_of_key_and_arguments_reads_in_each_language() {
        Span in = new Span();
        String imported = AuditDetail.of("version-imported", 3, 527);
        assertThat(AuditLogView.detail(imported, in)).isEqualTo("version 3, 527 rows");
        assertThat(AuditLogView.detail(AuditDetail.of("version-imported", 1, 1), in))
                .isEqualTo("version 1, 1 row");
        String edited = AuditDetail.of("proposal-edited", "Trees | for\u001F every street", 2);
        assertThat(AuditLogView.detail(edited, in))
                .as("what people wrote kept, the separators taken out")
                .isEqualTo("Trees | for every street (revision 2)");

        UI.getCurrent().setLocale(Locale.KOREAN);
        Span korean = new Span();
        assertThat(AuditLogView.detail(imported, korean)).isEqualTo("버전 3, 527행");
        assertThat(AuditLogView.detail(AuditDetail.of("proposal-answered-ACCEPT", "Trees"), korean))
                .isEqualTo("수용: Trees");
        assertThat(AuditLogView.detail(
                        AuditDetail.of("vote-count-released", AuditDetail.term("results.held.CHAIN_BROKEN"), "복구함"),
                        korean))
                .as("a reason's code read as the portal's words for it")
                .startsWith("보류 해제 (보류 사유: 투표지 체인을")
                .endsWith("); 복구함");
        String roles = AuditDetail.of(
                "roles-changed",
                AuditDetail.terms(java.util.List.of("role.CITIZEN")),
                AuditDetail.terms(java.util.List.of("role.CITIZEN", "role.OFFICIAL")));
        assertThat(AuditLogView.detail(roles, korean))
                .as("roles as the portal names them, listed")
                .isEqualTo("역할: 시민 → 시민, 공무원");
        assertThat(AuditLogView.detail(AuditDetail.of("vote-held-chain-broken", 3, 4), korean))
                .isEqualTo("투표지 체인이 4장 중 3번째 투표지에서 끊어졌습니다");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        assertThat(AuditLogView.detail(roles, new Span())).isEqualTo("Roles: Citizen → Citizen, Official");
        assertThat(AuditLogView.detail(AuditDetail.of("vote-held-ballots-differ", 4, 1), new Span()))
                .isEqualTo("4 ballots would count for 1 citizen in the participation register");
    }

    @Test
    void old_sentences_unknown_keys_and_no_detail_show_as_they_are() {
        Span in = new Span();
        assertThat(AuditLogView.detail("version 2, 10 rows", in)).isEqualTo("version 2, 10 rows");
        String unknown = AuditDetail.of("no-such-key", "x");
        assertThat(AuditLogView.detail(unknown, in)).isEqualTo(unknown);
        assertThat(AuditLogView.detail(null, in)).isEmpty();
        assertThat(AuditDetail.parse("plain")).isEmpty();
        assertThat(AuditDetail.parse(AuditDetail.of("k", "a", "")).orElseThrow().args())
                .containsExactly("a", "");
    }
}
