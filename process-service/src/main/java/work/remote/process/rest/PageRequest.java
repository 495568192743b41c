package work.remote.process.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import work.remote.platform.paging.PageBounds;

/**
 * The {@code page} (from 0) and {@code size} (1 to 200, default 50) query parameters of every list, within
 * {@link PageBounds}.
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
    public int size;
}
