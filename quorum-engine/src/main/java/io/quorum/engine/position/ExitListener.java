package io.quorum.engine.position;

/**
 * Told when a protective level is crossed. Called on the tick thread, once per exit: the position
 * stays quiet until the exit fills or {@link PositionManager#rearm} is called.
 */
@FunctionalInterface
public interface ExitListener {
    void onExitTriggered(ExitTriggered exit);
}
