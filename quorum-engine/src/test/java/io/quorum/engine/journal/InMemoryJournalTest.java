package io.quorum.engine.journal;

import io.quorum.engine.port.Journal;
import io.quorum.engine.time.ManualClock;

class InMemoryJournalTest extends JournalContract {
    @Override
    protected Journal open(ManualClock clock) { return new InMemoryJournal(clock); }
}
