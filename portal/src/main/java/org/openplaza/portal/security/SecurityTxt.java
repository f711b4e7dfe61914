package org.openplaza.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.openplaza.portal.api.PublicAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /.well-known/security.txt} (RFC 9116): where to report a vulnerability of this
 * deployment, when the operator has given a contact ({@code openplaza.security.contact}, a
 * {@code mailto:} or {@code https:} address). Without one the file is not there.
 */
@RestController
class SecurityTxt {

    private final String contact;
    private final PublicAddress address;
    private final Clock clock;

    SecurityTxt(@Value("${openplaza.security.contact:}") String contact, PublicAddress address, Clock clock) {
        String given = contact == null ? "" : contact.strip();
        if (!given.isEmpty() && !given.matches("(mailto:[^\\s@]+@[^\\s@]+|https://\\S+)")) {
            throw new IllegalStateException(
                    "openplaza.security.contact must be a mailto: or https: address: " + contact);
        }
        this.contact = given;
        this.address = address;
        this.clock = clock;
    }

    @GetMapping(value = "/.well-known/security.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> securityTxt(HttpServletRequest request) {
        if (contact.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String expires = DateTimeFormatter.ISO_INSTANT.format(
                clock.instant().plus(Duration.ofDays(180)).truncatedTo(ChronoUnit.SECONDS));
        String text = "Contact: " + contact + "\n"
                + "Expires: " + expires + "\n"
                + "Preferred-Languages: en, ko\n"
                + "Canonical: " + address.base(request) + "/.well-known/security.txt\n";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(text);
    }
}
