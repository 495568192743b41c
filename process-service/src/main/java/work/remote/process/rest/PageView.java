package work.remote.process.rest;

import java.util.List;

/** One page of a list. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
