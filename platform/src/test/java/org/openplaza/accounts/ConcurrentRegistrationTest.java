package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Committed transactions, not rolled back: the database, not a check in Java, keeps usernames unique. */
@SpringBootTest
class ConcurrentRegistrationTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Test
    void of_eight_simultaneous_registrations_of_one_username_exactly_one_succeeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = "racer" + i + "@race.test";
            attempts.add(() -> {
                try {
                    accounts.register(new Registration("racer", "Racer", email, "violet harbour lantern sings"));
                    return true;
                } catch (AccountException e) {
                    assertThat(e.messageKey()).isEqualTo("account.error.username-taken");
                    return false;
                }
            });
        }
        int succeeded = 0;
        for (Future<Boolean> result : pool.invokeAll(attempts)) {
            if (result.get()) {
                succeeded++;
            }
        }
        pool.shutdown();
        assertThat(succeeded).isEqualTo(1);
        assertThat(repository.count("racer")).isEqualTo(1);
    }
}
