package io.shequ.schemas.contract;

import java.util.List;

/**
 * Where a table's header sits among a sheet's first rows: {@code start} (0-based) and the number
 * of {@code rows} it spans (a merged group heading over its sub-columns, or a unit row such as
 * "(件)" under it), with {@code cells} the texts of each column's header cells joined top to bottom
 * and the {@code match} they give.
 */
public record HeaderSpan(int start, int rows, List<String> cells, HeaderMatch match) {

    public HeaderSpan {
        cells = List.copyOf(cells);
    }

    /** The 0-based index of the first row after the header. */
    public int end() {
        return start + rows;
    }
}
