package work.remote.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class PlainTextStringsTest {

    record Request(String title, List<String> links) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    PlainTextStringsTest() {
        new PlainTextStrings().customize(mapper);
    }

    @Test
    void textWithTabsNewlinesAndAnyLanguageIsPlainText() throws Exception {
        Request request = mapper.readValue("{\"title\": \"提现失败\\n\\tline two 👍\", \"links\": [\"a\"]}",
                Request.class);
        assertThat(request.title()).isEqualTo("提现失败\n\tline two 👍");
    }

    @Test
    void aControlCharacterIsRefusedWithThePathOfItsField() {
        assertThatThrownBy(() -> mapper.readValue("{\"title\": \"a\\u0000b\"}", Request.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(0).getFieldName())
                        .isEqualTo("title"))
                .hasMessageContaining("U+0000 at position 1");
        assertThatThrownBy(() -> mapper.readValue("{\"links\": [\"ok\", \"\\u001b[31m\"]}", Request.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(1).getIndex()).isEqualTo(1));
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        assertThat(PlainTextStrings.problemOf("ok \uD83D\uDC4D")).isNull();
        assertThat(PlainTextStrings.problemOf("half \uD83D")).contains("unpaired surrogate");
        assertThat(PlainTextStrings.problemOf("\uDC4D first")).contains("unpaired surrogate");
    }
}
