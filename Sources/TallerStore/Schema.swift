import GRDB
import TallerCore

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
    m.registerMigration("2026-11-23 clustered tables") { db in
      // The log's operations and the state, stored in their primary key's order (WITHOUT
      // ROWID): one B-tree per table instead of a table and an index, about half the writes per
      // change. Same columns, same rows.
      //
      // The change log loses the unique index on `hash` (a hash is random, so each insert went
      // to a random page of that index; (replica, seq) already identifies a change, and its hash
      // covers both).
      try db.execute(
        sql: """
          CREATE TABLE change_log_new(
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hlc_ms INTEGER NOT NULL,
            hlc_c INTEGER NOT NULL,
            author TEXT NOT NULL,
            prev TEXT,
            hash TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY(replica, seq)
          );
          INSERT INTO change_log_new SELECT replica, seq, hlc_ms, hlc_c, author, prev, hash, body FROM change_log;
          DROP TABLE change_log;
          ALTER TABLE change_log_new RENAME TO change_log;
          CREATE INDEX change_log_hlc ON change_log(hlc_ms, hlc_c);
          CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
          CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

          CREATE TABLE op_log_new(
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
          ) WITHOUT ROWID;
          INSERT INTO op_log_new SELECT replica, seq, idx, kind, entity, type, parent, field, value, pred, seen FROM op_log;
          DROP TABLE op_log;
          ALTER TABLE op_log_new RENAME TO op_log;
          CREATE TRIGGER op_log_no_update BEFORE UPDATE ON op_log
            BEGIN SELECT RAISE(ABORT, 'op_log is append-only'); END;
          CREATE TRIGGER op_log_no_delete BEFORE DELETE ON op_log
            BEGIN SELECT RAISE(ABORT, 'op_log is append-only'); END;

          CREATE TABLE entity_new(id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL, parent TEXT) WITHOUT ROWID;
          INSERT INTO entity_new SELECT id, type, parent FROM entity;
          DROP TABLE entity;
          ALTER TABLE entity_new RENAME TO entity;
          CREATE INDEX entity_parent ON entity(parent);

          CREATE TABLE field_value_new(
            op TEXT PRIMARY KEY NOT NULL,
            entity TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            hlc_ms INTEGER NOT NULL,
            hlc_c INTEGER NOT NULL
          ) WITHOUT ROWID;
          INSERT INTO field_value_new SELECT op, entity, field, value, hlc_ms, hlc_c FROM field_value;
          DROP TABLE field_value;
          ALTER TABLE field_value_new RENAME TO field_value;
          CREATE INDEX field_value_entity ON field_value(entity, field);

          CREATE TABLE superseded_new(op TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
          INSERT INTO superseded_new SELECT op FROM superseded;
          DROP TABLE superseded;
          ALTER TABLE superseded_new RENAME TO superseded;
          """)
    }
    m.registerMigration("2026-11-24 operations only in change bodies") { db in
      // A change's operations were also stored one per row in `op_log`, for a few rare readers
      // (the `pred` and `seen` of a conflict's values, sessions' events, who created an entity).
      // Those rows were a third of an import's writes; the readers now parse the change body,
      // which holds exactly the same operations.
      //
      // - `entity` gains the first change that created it (least `(replica, seq)`, as op_log's
      //   `ORDER BY replica, seq LIMIT 1` gave): who founded a team, where a sitting began.
      // - `change_log` is stored in its key's order (WITHOUT ROWID: one B-tree instead of a
      //   table and the index of its key), loses `prev`, which its body holds, and the index on
      //   its clock (the latest clock is read from each replica's last change).
      // - `field_value` is keyed by `(entity, field, op)`: one B-tree instead of a table and an
      //   index. `superseded` gets the same key: a `pred` overwrites a value of the same field
      //   (it always did: a write's `pred` is read from that field's values); an op id in `pred`
      //   that names an op of another field has no effect, whatever the order of arrival.
      try db.execute(
        sql: """
          CREATE TABLE entity_new(
            id TEXT PRIMARY KEY NOT NULL,
            type TEXT NOT NULL,
            parent TEXT,
            creator TEXT NOT NULL,
            creator_seq INTEGER NOT NULL
          ) WITHOUT ROWID;
          INSERT INTO entity_new
            SELECT e.id, e.type, e.parent, coalesce(c.replica, ''), coalesce(c.seq, 0) FROM entity e
            LEFT JOIN (
              SELECT entity, replica, seq, row_number() OVER (PARTITION BY entity ORDER BY replica, seq) AS n
              FROM op_log WHERE kind = 'create'
            ) c ON c.entity = e.id AND c.n = 1;
          DROP TABLE entity;
          ALTER TABLE entity_new RENAME TO entity;
          CREATE INDEX entity_parent ON entity(parent);

          CREATE TABLE field_value_new(
            entity TEXT NOT NULL,
            field TEXT NOT NULL,
            op TEXT NOT NULL,
            value TEXT NOT NULL,
            hlc_ms INTEGER NOT NULL,
            hlc_c INTEGER NOT NULL,
            PRIMARY KEY(entity, field, op)
          ) WITHOUT ROWID;
          INSERT INTO field_value_new SELECT entity, field, op, value, hlc_ms, hlc_c FROM field_value;
          DROP TABLE field_value;
          ALTER TABLE field_value_new RENAME TO field_value;

          CREATE TABLE superseded_new(
            entity TEXT NOT NULL,
            field TEXT NOT NULL,
            op TEXT NOT NULL,
            PRIMARY KEY(entity, field, op)
          ) WITHOUT ROWID;
          INSERT OR IGNORE INTO superseded_new
            SELECT o.entity, o.field, p.value FROM op_log o, json_each(o.pred) p
            WHERE o.kind = 'set' AND o.pred != '[]';
          DROP TABLE superseded;
          ALTER TABLE superseded_new RENAME TO superseded;

          CREATE TABLE change_log_new(
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hlc_ms INTEGER NOT NULL,
            hlc_c INTEGER NOT NULL,
            author TEXT NOT NULL,
            hash TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY(replica, seq)
          ) WITHOUT ROWID;
          INSERT INTO change_log_new SELECT replica, seq, hlc_ms, hlc_c, author, hash, body FROM change_log;
          DROP TABLE change_log;
          ALTER TABLE change_log_new RENAME TO change_log;
          CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
          CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

          DROP TRIGGER op_log_no_update;
          DROP TRIGGER op_log_no_delete;
          DROP TABLE op_log;
          """)
    }
    m.registerMigration("2026-12-02 replica-local state in typed tables") { db in
      try db.execute(
        sql: """
          CREATE TABLE local_choice(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            team TEXT,
            lang TEXT CHECK (lang IN ('es', 'en'))
          );
          CREATE TABLE local_walk(
            team TEXT PRIMARY KEY NOT NULL,
            exercise TEXT NOT NULL,
            field INTEGER NOT NULL CHECK (field >= 0),
            item TEXT,
            sub INTEGER CHECK (sub >= 0),
            mode TEXT NOT NULL DEFAULT 'line' CHECK (mode IN ('line', 'fields')),
            offering INTEGER NOT NULL DEFAULT 0 CHECK (offering IN (0, 1)),
            details INTEGER NOT NULL DEFAULT 0 CHECK (details IN (0, 1))
          ) WITHOUT ROWID;
          CREATE TABLE local_timebox(
            team TEXT NOT NULL,
            exercise TEXT NOT NULL,
            step TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            deadline INTEGER,
            remaining INTEGER,
            warned INTEGER NOT NULL CHECK (warned IN (0, 1)),
            rang INTEGER NOT NULL CHECK (rang IN (0, 1)),
            CHECK ((deadline IS NULL) <> (remaining IS NULL)),
            PRIMARY KEY(team, exercise, step)
          ) WITHOUT ROWID;
          CREATE TABLE local_sitting(
            team TEXT PRIMARY KEY NOT NULL,
            session TEXT NOT NULL,
            pid INTEGER NOT NULL,
            detached INTEGER NOT NULL CHECK (detached IN (0, 1))
          ) WITHOUT ROWID;
          CREATE TABLE local_sent(
            kind TEXT NOT NULL CHECK (kind IN ('folder', 'git')),
            destination TEXT NOT NULL,
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            PRIMARY KEY(kind, destination, replica)
          ) WITHOUT ROWID;
          """)
      try LegacySettings.move(db)
      try db.execute(sql: "DROP TABLE local_setting")
    }
    m.registerMigration("2026-12-02 grades published to a team") { db in
      // What a team laptop received: the instructor's latest published grades of the team
      // (sync/PROTOCOL.md §7.2), as the signed document came.
      try db.execute(
        sql: """
          CREATE TABLE local_grades(
            team TEXT PRIMARY KEY NOT NULL,
            writer TEXT NOT NULL,
            at INTEGER NOT NULL,
            document TEXT NOT NULL
          ) WITHOUT ROWID;
          """)
    }
    m.registerMigration("2026-12-02 trust facts") { db in
      // Facts that may take a right away, read from every logged change, applied or not
      // (TrustFacts; sync/PROTOCOL.md §7.4): revocations, removals, joins.
      try db.execute(
        sql: """
          CREATE TABLE trust_fact(
            entity TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            replica TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hlc_ms INTEGER NOT NULL,
            hlc_c INTEGER NOT NULL,
            PRIMARY KEY(entity, field, replica, seq)
          ) WITHOUT ROWID;
          """)
      try TrustFacts.backfill(db)
    }
    m.registerMigration("2026-12-02 files sealed for removed laptops") { db in
      // What this laptop imported that was still sealed for a laptop removed from the team (its
      // writer had not seen the removal): `sync status` keeps saying so. Replica-local.
      try db.execute(
        sql: """
          CREATE TABLE sealed_for_removed(
            file TEXT PRIMARY KEY NOT NULL,
            team TEXT NOT NULL,
            writer TEXT NOT NULL,
            laptops TEXT NOT NULL,
            at INTEGER NOT NULL
          ) WITHOUT ROWID;
          """)
    }
    m.registerMigration("2026-12-02 class clock") { db in
      // The class clock as last received or set: one signed line per class, newest wins
      // (ClassClock; sync/PROTOCOL.md §7.6). Replica-local.
      try db.execute(
        sql: """
          CREATE TABLE class_clock(
            class TEXT PRIMARY KEY NOT NULL,
            writer TEXT NOT NULL,
            at INTEGER NOT NULL,
            document TEXT NOT NULL
          ) WITHOUT ROWID;
          """)
    }
    m.registerMigration("2026-12-03 change texts packed") { db in
      // The change log was over half of a database: each change's text is now kept deflated
      // after a dictionary of what change texts are made of (PackedText), its hash as 32 bytes.
      // Readers read the view `change_log`, with the same columns as the table it replaces.
      try StoredChanges.migrate(db)
    }
    return m
  }
}

/// The replica-local settings releases before 2026-12-02 kept as strings in `local_setting`,
/// moved into their typed tables. A value that does not parse is dropped (it was only ever
/// written by taller; nothing synced depends on it).
enum LegacySettings {
  static func move(_ db: Database) throws {
    var team: String?
    var lang: String?
    for row in try Row.fetchAll(db, sql: "SELECT key, value FROM local_setting") {
      let key: String = row["key"]
      let value: String = row["value"]
      let parts = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      if key == "current_team" {
        team = value
      } else if key == "lang" {
        lang = ["es", "en"].contains(value) ? value : nil
      } else if key.hasPrefix("cursor.") {
        // exercise|field|item|sub
        guard parts.count == 4, let field = Int(parts[1]), field >= 0 else { continue }
        try db.execute(
          sql: "INSERT OR REPLACE INTO local_walk(team, exercise, field, item, sub) VALUES (?, ?, ?, ?, ?)",
          arguments: [
            String(key.dropFirst("cursor.".count)), parts[0], field, parts[2].isEmpty ? nil : parts[2], Int(parts[3]).map { max(0, $0) },
          ])
      } else if key.hasPrefix("timer.") {
        // timer.TEAM.EXERCISE.STEP = start|minutes|pausedAt|pausedTotal|warned|rang[|s]
        let k = key.dropFirst("timer.".count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard k.count == 3, parts.count >= 6, let start = Int64(parts[0]), let minutes = Int(parts[1]), minutes > 0,
          let pausedTotal = Int64(parts[3])
        else { continue }
        let box = Int64(minutes) * 60_000
        var deadline: Int64? = start + box + pausedTotal
        var remaining: Int64?
        // Paused by `timer pause`: it stays paused. Paused because a sitting ended: time boxes
        // no longer stop by themselves, so it runs from where it stood.
        if let pausedAt = Int64(parts[2]) {
          let left = box - (pausedAt - start - pausedTotal)
          if parts.count == 7 && parts[6] == "s" {
            deadline = pausedAt + left
          } else {
            deadline = nil
            remaining = left
          }
        }
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO local_timebox(team, exercise, step, minutes, deadline, remaining, warned, rang)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [k[0], k[1], k[2], minutes, deadline, remaining, parts[4] == "1" ? 1 : 0, parts[5] == "1" ? 1 : 0])
      } else if key.hasPrefix("session.open.") {
        // id|pid|mark
        guard parts.count == 3, let pid = Int32(parts[1]) else { continue }
        try db.execute(
          sql: "INSERT OR REPLACE INTO local_sitting(team, session, pid, detached) VALUES (?, ?, ?, ?)",
          arguments: [String(key.dropFirst("session.open.".count)), parts[0], pid, parts[2] == "d" ? 1 : 0])
      } else if key.hasPrefix("sync.exported.") {
        // sync.exported.PATH or sync.exported.git:REMOTE = {"replica": seq, …}
        let rest = String(key.dropFirst("sync.exported.".count))
        let (kind, destination) = rest.hasPrefix("git:") ? ("git", String(rest.dropFirst(4))) : ("folder", rest)
        guard let object = (try? StrictJSONParser.parse(value))?.objectValue else { continue }
        for (replica, seq) in object {
          guard let n = seq.intValue, n >= 0 else { continue }
          try db.execute(
            sql: "INSERT OR REPLACE INTO local_sent(kind, destination, replica, seq) VALUES (?, ?, ?, ?)",
            arguments: [kind, destination, replica, n])
        }
      }
    }
    if team != nil || lang != nil {
      try db.execute(sql: "INSERT INTO local_choice(id, team, lang) VALUES (1, ?, ?)", arguments: [team, lang])
    }
  }
}
