package work.remote.notification.rest;

import java.util.List;
import java.util.function.Function;

import work.remote.notification.Slice;

/** One page of a list. */
public record ListPage<T>(List<T> items, int page, int size, long total) {

    static <E, T> ListPage<T> of(Slice<E> slice, Function<E, T> view, int page, int size) {
        return new ListPage<>(slice.items().stream().map(view).toList(), page, size, slice.total());
    }
}
