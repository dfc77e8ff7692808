package mx.gob.inm.preregistro.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.testing.IntegrationTest;

@IntegrationTest
class ClosedAccountsTest {

    @Autowired
    ClosedAccounts closedAccounts;
    @Autowired
    MongoTemplate mongo;

    @Test
    @DisplayName("R-ENT-5 a closed account is refused with the 403 problem account_closed; another account, and the same one before, are not; closing twice keeps the first time")
    void closedAccountsAreRefused() {
        String closing = UUID.randomUUID().toString();
        String open = UUID.randomUUID().toString();
        assertThatCode(() -> closedAccounts.requireOpen(closing)).doesNotThrowAnyException();

        closedAccounts.close(closing);
        Date closedAt = mongo.findById(closing, Document.class, ClosedAccounts.COLLECTION).getDate("closedAt");
        closedAccounts.close(closing);

        assertThat(closedAccounts.isClosed(closing)).isTrue();
        assertThat(closedAccounts.isClosed(open)).isFalse();
        assertThatThrownBy(() -> closedAccounts.requireOpen(closing)).isInstanceOfSatisfying(ProblemException.class,
                refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(refused.code()).isEqualTo("account_closed");
                });
        assertThatCode(() -> closedAccounts.requireOpen(open)).doesNotThrowAnyException();
        assertThat(mongo.findById(closing, Document.class, ClosedAccounts.COLLECTION))
                .as("the id and when, nothing else").containsOnlyKeys("_id", "closedAt")
                .containsEntry("closedAt", closedAt);
    }
}
