package org.switchboard.core.spi.chain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request processors plugins contributed, by {@link Stage}, in the order added; the stack
 * builds its request chain from them. Immutable once built; build it with {@link #builder()}.
 */
public final class ProcessorStages {
    private static final ProcessorStages NONE = builder().build();

    private final Map<Stage, List<RequestProcessor>> byStage;

    private ProcessorStages(Map<Stage, List<RequestProcessor>> byStage) {
        this.byStage = byStage;
    }

    /** No processors at any stage. */
    public static ProcessorStages none() {
        return NONE;
    }

    /** Every processor in {@link Stage#LOCAL}, as the stack took them before stages existed. */
    public static ProcessorStages local(List<RequestProcessor> processors) {
        Builder builder = builder();
        processors.forEach(p -> builder.add(Stage.LOCAL, p));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The processors of {@code stage}, in the order added; empty if none. */
    public List<RequestProcessor> at(Stage stage) {
        return byStage.get(stage);
    }

    /** Collects processors by stage. Not thread-safe. */
    public static final class Builder {
        private final Map<Stage, List<RequestProcessor>> byStage = new EnumMap<>(Stage.class);

        private Builder() {
            for (Stage stage : Stage.values()) {
                byStage.put(stage, new ArrayList<>());
            }
        }

        public Builder add(Stage stage, RequestProcessor processor) {
            byStage.get(Objects.requireNonNull(stage, "stage")).add(Objects.requireNonNull(processor, "processor"));
            return this;
        }

        public Builder addAll(ProcessorStages other) {
            for (Stage stage : Stage.values()) {
                byStage.get(stage).addAll(other.at(stage));
            }
            return this;
        }

        public ProcessorStages build() {
            Map<Stage, List<RequestProcessor>> copy = new EnumMap<>(Stage.class);
            byStage.forEach((stage, list) -> copy.put(stage, List.copyOf(list)));
            return new ProcessorStages(copy);
        }
    }
}
