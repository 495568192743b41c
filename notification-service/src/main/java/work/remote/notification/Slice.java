package work.remote.notification;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** One page of a query's results and how many there are in all. */
public record Slice<T>(List<T> items, long total) {

    public static <T> Slice<T> of(PanacheQuery<T> query, int page, int size) {
        return new Slice<>(query.page(Page.of(page, size)).list(), query.count());
    }
}
