package work.remote.platform.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CriteriaTest {

    @Test
    void onlyTheFiltersGivenBecomeConditions() {
        Criteria criteria = Criteria.where().equal("state", "OPEN").equal("launchId", null).equal("subject.id", 7)
                .when(false, "resolveBy is null").when(true, "resolveBy <= :now", Map.of("now", 42));

        assertThat(criteria.query()).isEqualTo("state = :state and subject.id = :subject_id and (resolveBy <= :now)");
        assertThat(criteria.parameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("state", "OPEN", "subject_id", 7, "now", 42));
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(Criteria.where().equal("state", null).query()).isEqualTo("1 = 1");
        assertThat(Criteria.where().parameters()).isEmpty();
    }
}
