package io.shequ.warehouse.serve;

/** A query the server will not run, with the reason the client is told. */
final class QueryRefusedException extends RuntimeException {

    QueryRefusedException(String reason) {
        super(reason);
    }
}
