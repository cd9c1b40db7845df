package io.shequ.warehouse;

/** A warehouse file could not be built, published or read; the cause says what DuckDB or the disk reported. */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
