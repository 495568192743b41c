package work.remote.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} (from 0) and {@code size} (1 to 200, default 50) query parameters of every list, within
 * {@link PageBounds}. Resources take it as a {@code @BeanParam @Valid PageRequest}.
 */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(PageBounds.MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(PageBounds.MAX_SIZE)
    public int size = 50;

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    /** The first row of this page. */
    public int offset() {
        return page * size;
    }
}
