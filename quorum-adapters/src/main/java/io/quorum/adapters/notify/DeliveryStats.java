package io.quorum.adapters.notify;

/**
 * What a channel's delivery went through: notices delivered, retries (a 429 or 5xx answer, no
 * answer at all), notices given up on after their last attempt or refused for good (another 4xx),
 * and notices dropped unsent because the queue was full and a newer one took their place.
 */
public record DeliveryStats(long delivered, long retried, long failed, long dropped) {
    public DeliveryStats plus(DeliveryStats other) {
        return new DeliveryStats(delivered + other.delivered, retried + other.retried, failed + other.failed, dropped + other.dropped);
    }
}
