package org.openplaza.accounts;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Password rules after NIST SP 800-63B: a minimum length and no composition rules; any Unicode
 * character (spaces included) is allowed; passwords are NFKC-normalised; passwords found in lists
 * of common or breached passwords, repetitive or sequential ones, and ones built from the user's own
 * name or address are refused. The guessability check is zxcvbn's, whose dictionaries hold the
 * commonest passwords.
 */
@Component
public class PasswordPolicy {

    /** zxcvbn's score 3: "safely unguessable", about 10^10 guesses. */
    private static final int MINIMUM_SCORE = 3;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final int minLength;
    private final int maxLength;
    private final Zxcvbn zxcvbn = new Zxcvbn();

    @Autowired
    public PasswordPolicy(AccountsProperties properties) {
        this(properties.passwordMinLength(), properties.passwordMaxLength());
    }

    PasswordPolicy(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public int minLength() {
        return minLength;
    }

    /** The form in which a password is hashed and compared. */
    public static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Checks a new password against the rules.
     *
     * @param context words the password must not be built from (username, display name, email)
     * @return the message key of the first rule broken, or empty when the password is acceptable
     */
    public Optional<String> check(String password, List<String> context) {
        String normalised = normalise(password);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < minLength) {
            return Optional.of("password.error.too-short");
        }
        if (length > maxLength) {
            return Optional.of("password.error.too-long");
        }
        List<String> inputs = new ArrayList<>();
        inputs.add("openplaza");
        for (String word : context) {
            inputs.add(word);
            // "kim.minji@example.org" also yields "kim", "minji", "example"
            for (String part : NON_WORD.split(word)) {
                if (part.length() >= 3) {
                    inputs.add(part);
                }
            }
        }
        Strength strength = zxcvbn.measure(normalised, inputs);
        if (strength.getScore() < MINIMUM_SCORE) {
            return Optional.of("password.error.too-guessable");
        }
        return Optional.empty();
    }
}
