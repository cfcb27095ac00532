package io.quorum.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the server's route table. The same table registers the handlers, generates
 * {@code /openapi.json} and drives the tests that prove every route needs the token, so a route
 * cannot be served without being documented and protected.
 *
 * @param requestBody  the JSON body's type, or null when the route takes none
 * @param responseBody the JSON answer's type (of each element when {@code responseIsList}), or null for a file or text answer
 */
public record Route(HandlerType method, String path, String summary, Access access, Class<?> requestBody,
                    Class<?> responseBody, boolean responseIsList, int successStatus, List<QueryParameter> query,
                    Handler handler) {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** Whether the access token is needed. */
    public enum Access { OPEN, TOKEN }

    /** A query parameter, described for the OpenAPI document. {@code type} is a JSON-schema type. */
    public record QueryParameter(String name, String type, String description) {}

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        query = List.copyOf(query);
    }

    public static Route of(HandlerType method, String path, String summary, Handler handler) {
        return new Route(method, path, summary, Access.TOKEN, null, null, false, 200, List.of(), handler);
    }

    public Route open() {
        return new Route(method, path, summary, Access.OPEN, requestBody, responseBody, responseIsList, successStatus, query, handler);
    }

    public Route accepts(Class<?> body) {
        return new Route(method, path, summary, access, body, responseBody, responseIsList, successStatus, query, handler);
    }

    public Route returns(Class<?> body) {
        return new Route(method, path, summary, access, requestBody, body, false, successStatus, query, handler);
    }

    public Route returnsListOf(Class<?> element) {
        return new Route(method, path, summary, access, requestBody, element, true, successStatus, query, handler);
    }

    public Route status(int status) {
        return new Route(method, path, summary, access, requestBody, responseBody, responseIsList, status, query, handler);
    }

    public Route query(String name, String type, String description) {
        List<QueryParameter> more = new java.util.ArrayList<>(query);
        more.add(new QueryParameter(name, type, description));
        return new Route(method, path, summary, access, requestBody, responseBody, responseIsList, successStatus, more, handler);
    }

    /** Changes state, so it is rate-limited and must not change anything when refused. */
    public boolean isMutating() { return method != HandlerType.GET && method != HandlerType.HEAD; }

    public List<String> pathParameters() {
        Matcher matcher = PATH_PARAMETER.matcher(path);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) names.add(matcher.group(1));
        return names;
    }

    /** The path with each parameter replaced by the given values, in order. */
    public String pathWith(List<String> values) {
        Matcher matcher = PATH_PARAMETER.matcher(path);
        StringBuilder result = new StringBuilder();
        int next = 0;
        while (matcher.find()) matcher.appendReplacement(result, Matcher.quoteReplacement(values.get(next++)));
        matcher.appendTail(result);
        return result.toString();
    }
}
