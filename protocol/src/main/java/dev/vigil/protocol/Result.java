package dev.vigil.protocol;

/**
 * The outcome of a request such as {@link Acknowledge} or {@link Command}.
 *
 * @param requestId the request's id
 * @param ok whether it was carried out
 * @param error why not, when {@code ok} is false
 */
public record Result(String requestId, boolean ok, @OptionalField String error) implements Message {

  /** A successful result. */
  public static Result success(String requestId) {
    return new Result(requestId, true, null);
  }

  /** A failed result with its reason. */
  public static Result failure(String requestId, String error) {
    return new Result(requestId, false, error);
  }
}
