import GRDB

/// The database schema, as named migrations. A migration is never edited once it has landed:
/// a change to the schema is a new migration appended to the list.
enum Schema {
  /// `PRAGMA application_id` of every taller database: "TALR".
  static let applicationID: Int32 = 0x5441_4C52

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("2026-11-22 change log and state") { db in
      try db.execute(
        sql: """
          PRAGMA application_id = \(applicationID);

          -- Replica-local identity (never exported, never synced).
          CREATE TABLE replica_meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
          -- Replica-local preferences: current team, language.
          CREATE TABLE local_setting(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

          -- The append-only change log: the truth. One row per user action.
          CREATE TABLE change_log(
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hlc_ms INTEGER NOT NULL,
            hlc_c INTEGER NOT NULL,
            author TEXT NOT NULL,
            prev TEXT,
            hash TEXT NOT NULL UNIQUE,
            body TEXT NOT NULL,
            PRIMARY KEY(replica, seq)
          );
          CREATE INDEX change_log_hlc ON change_log(hlc_ms, hlc_c);
          -- The operations of each change, one row each, for queries and rebuilds.
          CREATE TABLE op_log(
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            entity TEXT NOT NULL,
            type TEXT,
            parent TEXT,
            field TEXT,
            value TEXT,
            pred TEXT NOT NULL DEFAULT '[]',
            seen TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY(replica, seq, idx)
          );
          CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
          CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
          CREATE TRIGGER op_log_no_update BEFORE UPDATE ON op_log
            BEGIN SELECT RAISE(ABORT, 'op_log is append-only'); END;
          CREATE TRIGGER op_log_no_delete BEFORE DELETE ON op_log
            BEGIN SELECT RAISE(ABORT, 'op_log is append-only'); END;

          -- The state: derived from the log, rebuildable at any time.
          CREATE TABLE entity(id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL, parent TEXT);
          CREATE INDEX entity_parent ON entity(parent);
          -- Current values of each field: one row per value not overwritten by a later write
          -- (several rows for one field = a conflict).
          CREATE TABLE field_value(
            op TEXT PRIMARY KEY NOT NULL,
            entity TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            hlc_ms INTEGER NOT NULL,
            hlc_c INTEGER NOT NULL
          );
          CREATE INDEX field_value_entity ON field_value(entity, field);
          -- Every operation some write has overwritten.
          CREATE TABLE superseded(op TEXT PRIMARY KEY NOT NULL);
          """)
    }
    m.registerMigration("2026-11-22 pending changes") { db in
      try db.execute(
        sql: """
          -- Changes received before the changes they follow: kept until those arrive.
          CREATE TABLE pending_change(
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY(replica, seq)
          );
          """)
    }
    m.registerMigration("2026-11-22 signatures and quarantine") { db in
      try db.execute(
        sql: """
          -- Each replica's signatures of the heads of its chain, as received (relays pass them on).
          CREATE TABLE head_signature(
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            sig TEXT NOT NULL,
            PRIMARY KEY(replica, seq)
          );
          -- Public keys of replicas, pinned the first time they are seen.
          CREATE TABLE replica_key(replica TEXT PRIMARY KEY NOT NULL, key TEXT NOT NULL);
          -- Changes kept in the log but not applied: their writer may not change what they touch.
          CREATE TABLE quarantine(
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY(replica, seq)
          );
          """)
    }
    return m
  }
}
