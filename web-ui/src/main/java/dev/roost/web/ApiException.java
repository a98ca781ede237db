package dev.roost.web;

/** Ends a request with a 4xx status and an {@link ApiError} body; thrown by handlers, answered in one place. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final ApiError body;

    public ApiException(int status, String error, String field, String detail) {
        super(error + (field == null ? "" : " (" + field + ")") + ": " + detail, null, false, false);
        this.status = status;
        this.body = new ApiError(error, field, detail);
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "invalid request", field, detail);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
