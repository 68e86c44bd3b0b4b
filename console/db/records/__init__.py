"""Row records: which tables the ledger vouches for, how writes are captured into
events, and how the stored rows are checked against the ledger's replay.

* :mod:`.image` the ledgered tables and the one plain spelling of their values;
* :mod:`.capture` collects each unit of work's row changes for its event;
* :mod:`.verify` replays the events and compares the tables;
* :mod:`.baseline` the first record of an older database's rows;
* :mod:`.fast` the quick check of one user's row at sign-in.
"""
