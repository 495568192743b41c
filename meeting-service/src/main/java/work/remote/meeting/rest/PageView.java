package work.remote.meeting.rest;

import java.util.List;
import java.util.function.Function;

import work.remote.meeting.service.Slice;

/** One page of a list: the items, which page of what size, and how many match in all. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    static <E, T> PageView<T> of(Slice<E> slice, Function<E, T> view, int page, int size) {
        return new PageView<>(slice.items().stream().map(view).toList(), page, size, slice.total());
    }
}
