package work.remote.platform.paging;

/**
 * The bounds of the {@code page} (from 0) and {@code size} query parameters of every list, so that the rows a page
 * starts and ends at, {@code page × size} and {@code (page + 1) × size}, stay valid offsets.
 */
public final class PageBounds {

    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE - 1;

    private PageBounds() {
    }
}
