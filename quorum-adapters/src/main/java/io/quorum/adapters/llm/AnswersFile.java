package io.quorum.adapters.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's replies kept in a file by the hash of the prompt that brought them ({@link Prompt#hash}),
 * so that a backtest asked again is answered from here, at no cost and with the latency the answer
 * first had. One JSON object a line, added as each reply comes, so that a run stopped half-way keeps
 * what it paid for; a prompt answered twice keeps its latest reply. Read whole when opened.
 */
public final class AnswersFile {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One reply as it came: the model's text, its tokens both ways, the version it reported, whether it refused, and how long it took. */
    public record Recorded(String promptHash, String model, String promptVersion, String text, long tokensIn, long tokensOut, String modelVersion,
                           boolean refused, long latencyMillis) {
        public Recorded {
            Objects.requireNonNull(promptHash, "promptHash");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(promptVersion, "promptVersion");
            Objects.requireNonNull(modelVersion, "modelVersion");
            if (tokensIn < 0 || tokensOut < 0 || latencyMillis < 0) throw new IllegalArgumentException("tokens and latency: must not be negative");
        }

        static Recorded of(Prompt prompt, ModelReply reply, long latencyMillis) {
            return new Recorded(prompt.hash(), prompt.model(), prompt.version(), reply.text(), reply.tokensIn(), reply.tokensOut(), reply.modelVersion(),
                    reply.refused(), latencyMillis);
        }

        ModelReply reply() { return new ModelReply(text, tokensIn, tokensOut, modelVersion, refused); }
    }

    private final Path file;
    private final Map<String, Recorded> byHash = new HashMap<>();

    private AnswersFile(Path file) { this.file = file; }

    /**
     * The answers in {@code file}, none when there is no such file yet (it is made with the first).
     *
     * @throws IllegalArgumentException naming the line of one that is not a recorded answer
     */
    public static AnswersFile open(Path file) {
        AnswersFile answers = new AnswersFile(file);
        if (!Files.exists(file)) return answers;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answers file " + file.toAbsolutePath(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                Recorded recorded = JSON.readValue(lines.get(i), Recorded.class);
                answers.byHash.put(recorded.promptHash(), recorded);
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + " is not a recorded answer", e);
            }
        }
        return answers;
    }

    public Path path() { return file; }

    public synchronized Optional<Recorded> find(String promptHash) { return Optional.ofNullable(byHash.get(promptHash)); }

    public synchronized int size() { return byHash.size(); }

    /** Keeps {@code recorded}, in memory and at the end of the file. */
    public synchronized void add(Recorded recorded) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) Files.createDirectories(folder);
            Files.writeString(file, JSON.writeValueAsString(recorded) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to the answers file " + file.toAbsolutePath(), e);
        }
        byHash.put(recorded.promptHash(), recorded);
    }
}
