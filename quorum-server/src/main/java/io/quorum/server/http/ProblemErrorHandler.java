package io.quorum.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a malformed URI, oversized headers) happen before Javalin sees the
 * request; this keeps them problem+json like every other error, without Jetty's HTML and stacks.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Jetty writes an error body only for GET, POST and HEAD; a refused PUT, PATCH, DELETE or TRACE deserves one too. */
    @Override public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String title = HttpStatus.getMessage(code);
        String detail = code >= 500 ? "the server could not complete the request" : "the request was refused: " + title.toLowerCase(java.util.Locale.ROOT);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Problem.of(code, title, detail, List.of()));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
