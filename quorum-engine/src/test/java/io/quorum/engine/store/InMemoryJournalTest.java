package io.quorum.engine.store;

import io.quorum.engine.journal.JournalContract;
import io.quorum.engine.port.Journal;
import io.quorum.engine.time.ManualClock;

class InMemoryJournalTest extends JournalContract {
    @Override
    protected Journal open(ManualClock clock) { return new InMemoryJournal(clock); }
}
