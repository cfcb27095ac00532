package io.quorum.server.http;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OpenAPI 3.1 description generated from the route table the server registers, with schemas
 * read from the request and response records, so the document cannot drift from the code.
 */
final class OpenApiDocument {
    private final Map<String, Object> schemas = new TreeMap<>();

    private OpenApiDocument() {}

    static Map<String, Object> describe(List<Route> routes, String webSocketPath) {
        return new OpenApiDocument().document(routes, webSocketPath);
    }

    private Map<String, Object> document(List<Route> routes, String webSocketPath) {
        Map<String, Object> paths = new TreeMap<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "Quorum", "version", "0.1.0",
                "description", "The trading desk's API. The live stream of a session is the WebSocket " + webSocketPath
                        + " (see docs/api.md): authenticate with the subprotocol quorum.bearer.<token> or a first message"
                        + " {\"type\":\"auth\",\"token\",\"lastSeq\"}."));
        document.put("paths", paths);
        document.put("components", Map.of(
                "schemas", schemas,
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        document.put("security", List.of(Map.of("bearer", List.of())));
        return document;
    }

    private Map<String, Object> operation(Route route) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", route.summary());
        operation.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
        if (route.access() == Route.Access.OPEN) operation.put("security", List.of());
        List<Object> parameters = new ArrayList<>();
        for (String name : route.pathParameters()) {
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        for (Route.QueryParameter query : route.query()) {
            parameters.add(Map.of("name", query.name(), "in", "query", "required", false, "description", query.description(),
                    "schema", Map.of("type", query.type())));
        }
        if (!parameters.isEmpty()) operation.put("parameters", parameters);
        if (route.requestBody() != null) {
            operation.put("requestBody", Map.of("required", false, "content", Map.of("application/json", Map.of("schema", schemaOf(route.requestBody())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", "success");
        if (route.responseBody() != null) {
            Map<String, Object> schema = schemaOf(route.responseBody());
            success.put("content", Map.of("application/json", Map.of("schema", route.responseIsList() ? Map.of("type", "array", "items", schema) : schema)));
        }
        responses.put(Integer.toString(route.successStatus()), success);
        Map<String, Object> problem = Map.of("description", "an RFC 9457 problem",
                "content", Map.of(Problem.CONTENT_TYPE, Map.of("schema", schemaOf(Problem.class))));
        responses.put("default", problem);
        operation.put("responses", responses);
        return operation;
    }

    private Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.isAssignableFrom(raw)) return Map.of("type", "array", "items", schemaOf(parameterized.getActualTypeArguments()[0]));
            return Map.of("type", "object");
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) return Map.of("type", "string");
        if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) return Map.of("type", "integer");
        if (cls == boolean.class || cls == Boolean.class) return Map.of("type", "boolean");
        if (cls == Instant.class) return Map.of("type", "string", "format", "date-time");
        if (cls == Duration.class) return Map.of("type", "string", "format", "duration");
        if (cls.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : cls.getEnumConstants()) names.add(((Enum<?>) constant).name());
            return Map.of("type", "string", "enum", names);
        }
        if (cls.isRecord()) {
            String name = cls.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());   // reserve first: records may refer to themselves through nesting
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent component : cls.getRecordComponents()) {
                    properties.put(component.getName(), schemaOf(component.getGenericType()));
                }
                schemas.put(name, Map.of("type", "object", "properties", properties));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of();
    }
}
