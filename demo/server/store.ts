/**
 * The demo issuer's storage: SQLite compiled to WebAssembly (`sql.js`, no native build), kept in
 * memory and written to `<dataDir>/issuer.sqlite` after every change (atomically, via a temporary
 * file). Created and seeded on first start; `reset` reseeds. Tables added since (registrations)
 * are created in older databases when they open.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import type { Database, SqlValue } from 'sql.js';
import { ACHIEVEMENTS, AWARDS, EDUCATORS } from './seed-data.js';
import type { AwardState } from './seed-data.js';
import { generateKeys } from './sign.js';
import type { StoredKeys } from './sign.js';

const DAY = 24 * 3600 * 1000;

/** Size of the revocation status list in bits (the Bitstring Status List minimum, for privacy). */
export const STATUS_LIST_BITS = 131_072;

export interface AwardRow {
  id: string;
  educator_id: string;
  achievement_id: string;
  state: AwardState;
  issued_at: string;
  expires_at: string | null;
  status_index: number;
  format: 'di' | 'jwt';
  evidence: string | null;
  feedback: string | null;
}

export interface EducatorRow {
  id: string;
  name: string;
  email: string;
  role: string;
  role_es: string;
  school: string;
  token: string;
  description: string | null;
}

export interface UploadRow {
  id: string;
  educator_id: string;
  credential_id: string;
  body: string;
  kind: 'json' | 'jws';
  created_at: string;
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE educators (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, role TEXT NOT NULL,
  role_es TEXT NOT NULL, school TEXT NOT NULL, token TEXT NOT NULL UNIQUE, description TEXT);
CREATE TABLE awards (id TEXT PRIMARY KEY, educator_id TEXT NOT NULL REFERENCES educators(id),
  achievement_id TEXT NOT NULL, state TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT,
  status_index INTEGER NOT NULL UNIQUE, format TEXT NOT NULL, evidence TEXT, feedback TEXT);
CREATE TABLE uploads (id TEXT PRIMARY KEY, educator_id TEXT NOT NULL REFERENCES educators(id),
  credential_id TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL, created_at TEXT NOT NULL,
  UNIQUE (educator_id, credential_id));
`;

/** Registrations for the catalog's offerings (`POST /register/{achievement}`); not in the seed. */
const REGISTRATIONS = `
CREATE TABLE IF NOT EXISTS registrations (id TEXT PRIMARY KEY, achievement_id TEXT NOT NULL,
  name TEXT NOT NULL, email TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (achievement_id, email));
`;

export interface RegistrationRow {
  id: string;
  achievement_id: string;
  name: string;
  email: string;
  created_at: string;
}

/** The open database with the few queries the issuer needs. */
export class Store {
  private constructor(
    private readonly db: Database,
    private readonly file: string,
  ) {}

  /** Opens (or creates and seeds) the database in `dataDir`. */
  static async open(dataDir: string, options: { reset?: boolean; now?: Date } = {}): Promise<Store> {
    const SQL = await initSqlJs();
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'issuer.sqlite');
    const fresh = options.reset || !existsSync(file);
    const db = fresh ? new SQL.Database() : new SQL.Database(readFileSync(file));
    const store = new Store(db, file);
    if (fresh) await store.seed(options.now ?? new Date());
    store.run(REGISTRATIONS);
    return store;
  }

  private all<T>(sql: string, params: SqlValue[] = []): T[] {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
    }
  }

  private run(sql: string, params: SqlValue[] = []): void {
    this.db.run(sql, params);
  }

  /** Writes the database file (temporary file + rename, so a crash never leaves half a file). */
  save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.db.export());
    renameSync(tmp, this.file);
  }

  private async seed(now: Date): Promise<void> {
    this.db.run(SCHEMA);
    const keys = await generateKeys();
    this.run('INSERT INTO meta VALUES (?, ?)', ['keys', JSON.stringify(keys)]);
    this.run('INSERT INTO meta VALUES (?, ?)', ['seeded_at', now.toISOString()]);
    this.run('INSERT INTO meta VALUES (?, ?)', ['status_revision', '1']);
    for (const e of EDUCATORS)
      this.run('INSERT INTO educators VALUES (?, ?, ?, ?, ?, ?, ?, NULL)', [
        e.id,
        e.name,
        e.email,
        e.role,
        e.roleEs,
        e.school,
        e.token,
      ]);
    // Status indexes are spread over the list, not handed out in order (herd privacy).
    const used = new Set<number>();
    const index = (): number => {
      for (;;) {
        const i = Math.floor(Math.random() * STATUS_LIST_BITS);
        if (!used.has(i)) return (used.add(i), i);
      }
    };
    for (const w of AWARDS) {
      const achievement = ACHIEVEMENTS.find((x) => x.id === w.achievement);
      if (!achievement) throw new Error(`seed: unknown achievement ${w.achievement}`);
      const issued = new Date(now.getTime() - w.daysAgo * DAY);
      issued.setUTCHours(15, 0, 0, 0);
      const expires =
        w.expiresInDays !== undefined
          ? new Date(now.getTime() + w.expiresInDays * DAY)
          : achievement.validYears
            ? new Date(issued.getTime() + achievement.validYears * 365 * DAY)
            : undefined;
      expires?.setUTCHours(0, 0, 0, 0);
      this.run('INSERT INTO awards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        w.educator,
        w.achievement,
        w.state,
        issued.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        expires ? expires.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
        index(),
        w.jwt ? 'jwt' : 'di',
        w.evidence ? JSON.stringify(w.evidence) : null,
        w.feedback ?? null,
      ]);
    }
    this.save();
  }

  keys(): StoredKeys {
    return JSON.parse(this.meta('keys') ?? 'null') as StoredKeys;
  }

  meta(key: string): string | undefined {
    return this.all<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key])[0]?.value;
  }

  /** Changes whenever a status bit changes (cache key for the signed status list). */
  statusRevision(): number {
    return Number(this.meta('status_revision') ?? '1');
  }

  educators(): EducatorRow[] {
    return this.all<EducatorRow>('SELECT * FROM educators ORDER BY rowid');
  }

  educator(id: string): EducatorRow | undefined {
    return this.all<EducatorRow>('SELECT * FROM educators WHERE id = ?', [id])[0];
  }

  educatorByToken(token: string): EducatorRow | undefined {
    return this.all<EducatorRow>('SELECT * FROM educators WHERE token = ?', [token])[0];
  }

  updateEducator(id: string, fields: { name?: string; description?: string | null }): void {
    if (fields.name !== undefined) this.run('UPDATE educators SET name = ? WHERE id = ?', [fields.name, id]);
    if (fields.description !== undefined)
      this.run('UPDATE educators SET description = ? WHERE id = ?', [fields.description, id]);
    this.save();
  }

  /** Every award, or one educator's, oldest first. */
  awards(educatorId?: string): AwardRow[] {
    return educatorId
      ? this.all<AwardRow>('SELECT * FROM awards WHERE educator_id = ? ORDER BY issued_at', [educatorId])
      : this.all<AwardRow>('SELECT * FROM awards ORDER BY issued_at');
  }

  award(id: string): AwardRow | undefined {
    return this.all<AwardRow>('SELECT * FROM awards WHERE id = ?', [id])[0];
  }

  /** One educator's award of one achievement (the seed gives each at most one). */
  awardOf(educatorId: string, achievementId: string): AwardRow | undefined {
    return this.all<AwardRow>('SELECT * FROM awards WHERE educator_id = ? AND achievement_id = ?', [
      educatorId,
      achievementId,
    ])[0];
  }

  /** Registrations for one achievement's offering, oldest first. */
  registrations(achievementId: string): RegistrationRow[] {
    return this.all<RegistrationRow>(
      'SELECT * FROM registrations WHERE achievement_id = ? ORDER BY created_at',
      [achievementId],
    );
  }

  /**
   * Registers `email` for an offering. Returns the registration and whether it is new (an email
   * registers once per offering; registering again returns the first one).
   */
  register(achievementId: string, name: string, email: string): { row: RegistrationRow; created: boolean } {
    const existing = this.all<RegistrationRow>(
      'SELECT * FROM registrations WHERE achievement_id = ? AND email = ?',
      [achievementId, email],
    )[0];
    if (existing) return { row: existing, created: false };
    const row: RegistrationRow = {
      id: randomUUID(),
      achievement_id: achievementId,
      name,
      email,
      created_at: new Date().toISOString(),
    };
    this.run('INSERT INTO registrations VALUES (?, ?, ?, ?, ?)', [
      row.id,
      row.achievement_id,
      row.name,
      row.email,
      row.created_at,
    ]);
    this.save();
    return { row, created: true };
  }

  /** Revokes (or restores) an issued credential: flips its status bit. */
  setRevoked(id: string, revoked: boolean): AwardRow | undefined {
    const award = this.award(id);
    if (!award || (award.state !== 'earned' && award.state !== 'revoked')) return undefined;
    this.run('UPDATE awards SET state = ? WHERE id = ?', [revoked ? 'revoked' : 'earned', id]);
    this.run('UPDATE meta SET value = ? WHERE key = ?', [
      String(this.statusRevision() + 1),
      'status_revision',
    ]);
    this.save();
    return this.award(id);
  }

  /** Indexes of revoked credentials. */
  revokedIndexes(): number[] {
    return this.all<{ status_index: number }>("SELECT status_index FROM awards WHERE state = 'revoked'").map(
      (r) => r.status_index,
    );
  }

  uploads(educatorId: string): UploadRow[] {
    return this.all<UploadRow>('SELECT * FROM uploads WHERE educator_id = ? ORDER BY created_at', [
      educatorId,
    ]);
  }

  /** Stores an uploaded credential; true when it was new (201), false when it replaced one (200). */
  upsertUpload(educatorId: string, credentialId: string, body: string, kind: 'json' | 'jws'): boolean {
    const existing = this.all<{ id: string }>(
      'SELECT id FROM uploads WHERE educator_id = ? AND credential_id = ?',
      [educatorId, credentialId],
    )[0];
    if (existing) this.run('UPDATE uploads SET body = ?, kind = ? WHERE id = ?', [body, kind, existing.id]);
    else
      this.run('INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        educatorId,
        credentialId,
        body,
        kind,
        new Date().toISOString(),
      ]);
    this.save();
    return !existing;
  }
}
