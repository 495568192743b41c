package work.remote.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuccessResponsesTest {

    private static final String COMPONENTS = """
            "components": {"schemas": {
              "ProcessView": {"type": "object", "properties": {"id": {"type": "string"}}},
              "PageProcessView": {"type": "object", "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/ProcessView"}},
                "total": {"type": "integer"}}},
              "Nothing": {}
            }}""";

    private static String document(String responses) {
        return """
                {"paths": {"/processes": {"get": {"responses": %s}}}, %s}""".formatted(responses, COMPONENTS);
    }

    @Test
    void aPageRecordAnArrayOfViewsAndAPictureAreDocumented() {
        assertThat(SuccessResponses.undocumented(document("""
                {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/PageProcessView"}}}},
                 "201": {"content": {"application/json": {"schema": {"type": "array",
                         "items": {"$ref": "#/components/schemas/ProcessView"}}}}},
                 "206": {"content": {"image/svg+xml": {"schema": {"type": "string"}}}},
                 "404": {"content": {"application/problem+json": {"schema": {}}}}}"""))).isEmpty();
    }

    @Test
    void anOperationWithOnlyProblemsHasNoSuccess() {
        assertThat(SuccessResponses.undocumented(document("""
                {"404": {"description": "No such process"}}""")))
                .containsExactly("GET /processes documents no success response");
    }

    @Test
    void aSuccessWithoutContentOrWithAnEmptySchemaIsRefused() {
        assertThat(SuccessResponses.undocumented(document("""
                {"200": {"description": "OK"},
                 "201": {"content": {"application/json": {"schema": {"type": "object"}}}},
                 "203": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nothing"}}}},
                 "206": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}},
                 "207": {"content": {"application/json": {"schema": {"type": "array", "items": {}}}}}}""")))
                .containsExactly("GET /processes 200 has no media type",
                        "GET /processes 201 application/json has an empty schema",
                        "GET /processes 203 application/json has an empty schema",
                        "GET /processes 206 application/json has an empty schema",
                        "GET /processes 207 application/json has an empty schema");
    }

    @Test
    void noContentAndAcceptedAnswerNoBodyButNoContentMustNotDocumentOne() {
        assertThat(SuccessResponses.undocumented(document("""
                {"202": {"description": "Queued"}, "204": {"description": "Removed"}}"""))).isEmpty();
        assertThat(SuccessResponses.undocumented(document("""
                {"204": {"content": {"application/json": {"schema": {"type": "string"}}}}}""")))
                .containsExactly("GET /processes 204 documents a body");
    }

    @Test
    void onlyTheOperationsNamedAsAnsweringNoBodyMayLeaveTheirOkEmpty() {
        String emptyOk = document("""
                {"200": {"description": "Received"}}""");
        assertThat(SuccessResponses.undocumented(emptyOk, "GET /processes")).isEmpty();
        assertThat(SuccessResponses.undocumented(emptyOk, "POST /processes"))
                .containsExactly("GET /processes 200 has no media type");
    }

    @Test
    void quarkusOwnEndpointsAreNotTheServicesApi() {
        assertThat(SuccessResponses.undocumented("""
                {"paths": {"/q/health": {"get": {"responses": {}}}}}""")).isEmpty();
    }
}
