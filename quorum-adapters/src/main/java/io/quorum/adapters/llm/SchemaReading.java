package io.quorum.adapters.llm;

/** What a model's text amounts to under an answer's schema: an answer the desk can take, or why not. */
public sealed interface SchemaReading<A> {
    record Valid<A>(A answer) implements SchemaReading<A> {}

    record Invalid<A>(String problem) implements SchemaReading<A> {}
}
