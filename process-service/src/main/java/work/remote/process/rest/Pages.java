package work.remote.process.rest;

import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

final class Pages {

    static final String DEFAULT_SIZE = "50";
    static final int MAX_SIZE = 200;

    private Pages() {
    }

    static <E, V> PageView<V> of(PanacheQuery<E> query, int page, int size, Function<E, V> view) {
        return new PageView<>(query.page(Page.of(page, size)).list().stream().map(view).toList(), page, size,
                query.count());
    }
}
