import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * The sign-in provider's durable state in `<stateDir>/identity/identity.db`: everything oidc-provider stores
 * (sessions, grants, codes, refresh tokens, interactions) plus the keys that must survive a restart (token
 * signing keys, cookie keys). SQLite in WAL mode: each write is its own transaction, so a crash loses nothing
 * the provider has already answered with.
 */
export interface IdentityStore {
  /** oidc-provider's adapter factory: one adapter per model name (Session, Grant, RefreshToken, ...). */
  adapterFor(model: string): Adapter;
  /** Deletes expired sessions, codes, tokens and interactions (they already read as absent). */
  sweepExpired(): void;
  /** Returns the secret stored under `name`, creating it with `create` on first use. */
  secret(name: string, create: () => string): string;
  close(): void;
}

interface PayloadRow {
  payload: string;
  expires_at: number | null;
  consumed_at: number | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS oidc_payloads (
    model       TEXT NOT NULL,
    id          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    grant_id    TEXT,
    user_code   TEXT,
    uid         TEXT,
    expires_at  INTEGER,
    consumed_at INTEGER,
    PRIMARY KEY (model, id)
  );
  CREATE INDEX IF NOT EXISTS oidc_payloads_grant ON oidc_payloads (model, grant_id);
  CREATE INDEX IF NOT EXISTS oidc_payloads_uid ON oidc_payloads (model, uid);
  CREATE INDEX IF NOT EXISTS oidc_payloads_user_code ON oidc_payloads (model, user_code);
  CREATE INDEX IF NOT EXISTS oidc_payloads_expiry ON oidc_payloads (expires_at);
  CREATE TABLE IF NOT EXISTS secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
`;

function epochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function openIdentityStore(stateDir: string): IdentityStore {
  const dir = path.join(stateDir, 'identity');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dir, 'identity.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const deleteExpired = db.prepare('DELETE FROM oidc_payloads WHERE expires_at IS NOT NULL AND expires_at < ?');
  const sweepExpired = () => {
    deleteExpired.run(epochSeconds());
  };
  sweepExpired();

  const statements = {
    upsert: db.prepare(`
      INSERT INTO oidc_payloads (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
      VALUES (@model, @id, @payload, @grantId, @userCode, @uid, @expiresAt, NULL)
      ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
        user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at, consumed_at = NULL`),
    find: db.prepare<[string, string], PayloadRow>(
      'SELECT payload, expires_at, consumed_at FROM oidc_payloads WHERE model = ? AND id = ?',
    ),
    findByUid: db.prepare<[string, string], PayloadRow>(
      'SELECT payload, expires_at, consumed_at FROM oidc_payloads WHERE model = ? AND uid = ?',
    ),
    findByUserCode: db.prepare<[string, string], PayloadRow>(
      'SELECT payload, expires_at, consumed_at FROM oidc_payloads WHERE model = ? AND user_code = ?',
    ),
    consume: db.prepare('UPDATE oidc_payloads SET consumed_at = ? WHERE model = ? AND id = ?'),
    destroy: db.prepare('DELETE FROM oidc_payloads WHERE model = ? AND id = ?'),
    revokeByGrantId: db.prepare('DELETE FROM oidc_payloads WHERE model = ? AND grant_id = ?'),
    readSecret: db.prepare<[string], { value: string }>('SELECT value FROM secrets WHERE name = ?'),
    insertSecret: db.prepare('INSERT OR IGNORE INTO secrets (name, value, created_at) VALUES (?, ?, ?)'),
  };

  function toPayload(row: PayloadRow | undefined): AdapterPayload | undefined {
    if (!row) return undefined;
    // Expired rows wait for the next sweep; to the provider they no longer exist.
    if (row.expires_at !== null && row.expires_at < epochSeconds()) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
    return row.consumed_at === null ? payload : { ...payload, consumed: row.consumed_at };
  }

  function adapterFor(model: string): Adapter {
    return {
      async upsert(id, payload, expiresIn) {
        statements.upsert.run({
          model,
          id,
          payload: JSON.stringify(payload),
          grantId: payload.grantId ?? null,
          userCode: payload.userCode ?? null,
          uid: payload.uid ?? null,
          expiresAt: typeof expiresIn === 'number' ? epochSeconds() + expiresIn : null,
        });
      },
      async find(id) {
        return toPayload(statements.find.get(model, id));
      },
      async findByUid(uid) {
        return toPayload(statements.findByUid.get(model, uid));
      },
      async findByUserCode(userCode) {
        return toPayload(statements.findByUserCode.get(model, userCode));
      },
      async consume(id) {
        statements.consume.run(epochSeconds(), model, id);
      },
      async destroy(id) {
        statements.destroy.run(model, id);
      },
      async revokeByGrantId(grantId) {
        statements.revokeByGrantId.run(model, grantId);
      },
    };
  }

  function secret(name: string, create: () => string): string {
    const existing = statements.readSecret.get(name);
    if (existing) return existing.value;
    // INSERT OR IGNORE then read back: if two processes race on a fresh state directory, both use one value.
    statements.insertSecret.run(name, create(), new Date().toISOString());
    const stored = statements.readSecret.get(name);
    if (!stored) throw new Error(`Could not persist the identity secret '${name}'`);
    return stored.value;
  }

  return { adapterFor, sweepExpired, secret, close: () => db.close() };
}

/** A random secret for cookie signing. */
export function randomSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}
