package work.remote.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PageTest {

    private final List<Integer> hundred = IntStream.range(0, 100).boxed().toList();

    @Test
    void aPageOfAListInMemoryKeepsTheTotal() {
        Page<Integer> third = Page.of(hundred, PageRequest.of(2, 30));
        assertThat(third.items()).containsExactlyElementsOf(IntStream.range(60, 90).boxed().toList());
        assertThat(third.total()).isEqualTo(100);
        assertThat(Page.of(hundred, PageRequest.of(3, 30)).items()).hasSize(10);
        assertThat(Page.of(hundred, PageRequest.of(9, 30)).items()).isEmpty();
    }

    @Test
    void mappingKeepsPageSizeAndTotal() {
        Page<String> page = Page.of(hundred, PageRequest.of(1, 2)).map(i -> "#" + i);
        assertThat(page).isEqualTo(new Page<>(List.of("#2", "#3"), 1, 2, 100));
    }
}
