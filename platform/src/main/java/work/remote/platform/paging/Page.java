package work.remote.platform.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list: the items, which page of what size, and how many match in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** Runs {@code query} for the requested page and counts every match. */
    public static <E> Page<E> of(PanacheQuery<E> query, PageRequest request) {
        List<E> items = query.page(io.quarkus.panache.common.Page.of(request.page, request.size)).list();
        return new Page<>(items, request.page, request.size, query.count());
    }

    /** The rows {@code from} a list already in memory. */
    public static <E> Page<E> of(List<E> all, PageRequest request) {
        int from = Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size);
        return new Page<>(all.subList(from, to), request.page, request.size, all.size());
    }

    public <V> Page<V> map(Function<? super T, V> view) {
        return new Page<>(items.stream().<V>map(view).toList(), page, size, total);
    }
}
