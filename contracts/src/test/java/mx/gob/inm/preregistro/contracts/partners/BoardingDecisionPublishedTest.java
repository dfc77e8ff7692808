package mx.gob.inm.preregistro.contracts.partners;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoardingDecisionPublishedTest {

    @Test
    @DisplayName("R-OPS-1 partners compute the same document hash from nationality and number, whatever the case or spaces")
    void documentHashIsStable() {
        String hash = BoardingDecisionPublished.documentHash("COL", "AX482915");

        assertThat(hash).matches("[0-9a-f]{64}")
                .isEqualTo("932579ac054a3ab95606453d4428ff33517be82d78f42a26c240f2625d31fcb7")
                .isEqualTo(BoardingDecisionPublished.documentHash(" col", "ax482915 "))
                .isNotEqualTo(BoardingDecisionPublished.documentHash("MEX", "AX482915"));
    }
}
