package work.remote.process.rest;

import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

final class Pages {

    private Pages() {
    }

    static <E, V> PageView<V> of(PanacheQuery<E> query, PageRequest request, Function<E, V> view) {
        return new PageView<>(query.page(Page.of(request.page, request.size)).list().stream().map(view).toList(),
                request.page, request.size, query.count());
    }
}
