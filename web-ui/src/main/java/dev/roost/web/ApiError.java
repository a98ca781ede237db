package dev.roost.web;

/**
 * The JSON body of every 4xx answer of the API (contract): a short error, the request field at fault
 * (null when the request as a whole is at fault) and a detail for the user.
 */
public record ApiError(String error, String field, String detail) {

    /** The answer for a path no route serves; the detail is the path, so the caller sees what it asked for. */
    public static ApiError notFound(String path) {
        return new ApiError("not found", null, path);
    }
}
