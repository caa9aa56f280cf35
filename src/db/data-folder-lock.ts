// One process at a time on an embedded data folder. PGlite has no lock of its own: two processes on
// one folder each keep their own copy of the database and write it back over the other's (acknowledged
// writes were lost, and once the folder could not be opened again). The lock is a file in the folder,
// created only if absent (O_EXCL), naming its holder; a lock whose process is gone is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'quotegraph.lock';

/** What a lock file says of the process holding the folder. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** The holder's command line, shortened: "quotegraph serve". */
  command: string;
  /** When it took the lock (ISO time). */
  since: string;
  /** Tells this holding apart from an earlier one by a process that had the same pid. */
  token: string;
}

export interface DataFolderLock {
  readonly folder: string;
  /** Removes the lock file if it is still this process's (idempotent). */
  release(): void;
}

export class DataFolderLockedError extends Error {
  override name = 'DataFolderLockedError';
  readonly holder: LockHolder | null;

  constructor(message: string, holder: LockHolder | null) {
    super(message);
    this.holder = holder;
  }
}

/**
 * A lock file that cannot be read as a holder is one being written this instant, or one left by a
 * process that died between creating and writing it: past this age, the latter.
 */
const UNWRITTEN_LOCK_GRACE_MS = 10_000;

/** Folders this process holds: opening one folder twice in one process corrupts it too. */
const heldInThisProcess = new Set<string>();

/** This process as a person would name it: "quotegraph ingest a.txt b.txt", at most 120 characters. */
function describeThisProcess(): string {
  const [, script = 'node', ...args] = process.argv;
  const program = /quotegraph\.mjs$|[\\/]cli\.js$/.test(script) ? 'quotegraph' : path.basename(script);
  const command = [program, ...args].join(' ');
  return command.length > 120 ? `${command.slice(0, 119)}…` : command;
}

function readHolder(lockFile: string): { holder: LockHolder | null; text: string } {
  const text = readFileSync(lockFile, 'utf8');
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isSafeInteger(holder.pid) && typeof holder.hostname === 'string' && typeof holder.token === 'string') {
      return { holder: holder as LockHolder, text };
    }
  } catch {
    // Not (yet) a holder: judged by its age below.
  }
  return { holder: null, text };
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Whether the lock's holder is certainly gone, so that its lock can be taken over. */
function isStale(lockFile: string, holder: LockHolder | null): boolean {
  if (holder === null) return Date.now() - statSync(lockFile).mtimeMs > UNWRITTEN_LOCK_GRACE_MS;
  // A process on another machine (a shared folder) cannot be asked whether it still runs.
  if (holder.hostname !== hostname()) return false;
  // Our own pid, but not a folder this process holds: an earlier process that had the same pid
  // (a container restarted from the same volume is pid 1 every time).
  if (holder.pid === process.pid) return true;
  return !processIsRunning(holder.pid);
}

function describeHolder(holder: LockHolder | null): string {
  if (holder === null) return 'another process that is taking it right now';
  const where = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
  return `process ${holder.pid}${where} (${holder.command}, since ${holder.since})`;
}

function lockedError(folder: string, holder: LockHolder | null): DataFolderLockedError {
  const lockFile = path.join(folder, LOCK_FILE_NAME);
  const stop =
    holder === null
      ? 'wait for it and try again'
      : holder.hostname === hostname()
        ? `stop it first (Ctrl+C in its terminal, or kill ${holder.pid}), run this command, then start it again`
        : `stop it first (or, if nothing on ${holder.hostname} uses the folder any more, delete ${lockFile})`;
  return new DataFolderLockedError(
    `the embedded database in ${folder} is in use by ${describeHolder(holder)}; ${stop}, or set DATABASE_URL to work on PostgreSQL instead`,
    holder,
  );
}

/** Creates `file` holding `text` only if it does not exist: false if it does. */
function createExclusive(file: string, text: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(descriptor, text);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes the stale lock `staleText`, unless another process took the lock over meanwhile. Two
 * processes can find the same stale lock; each removes it only while holding a second lock file, and
 * only if the lock still reads as the stale one, so one cannot remove the fresh lock of the other.
 * False when another process is taking it over right now.
 */
function removeStaleLock(lockFile: string, staleText: string): boolean {
  const takeover = `${lockFile}.takeover`;
  if (!createExclusive(takeover, String(process.pid))) {
    // Held for microseconds; an old one is from a process that died while taking over.
    if (Date.now() - statSync(takeover).mtimeMs <= UNWRITTEN_LOCK_GRACE_MS) return false;
    removeIfPresent(takeover);
    if (!createExclusive(takeover, String(process.pid))) return false;
  }
  try {
    let current: string | null;
    try {
      current = readFileSync(lockFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      current = null;
    }
    if (current === staleText) removeIfPresent(lockFile);
    return true;
  } finally {
    removeIfPresent(takeover);
  }
}

/**
 * Takes the lock of the data folder `folder` (creating the folder if needed), or throws a
 * DataFolderLockedError naming the process that holds it. Released by `release()` and, failing
 * that, when the process exits; a lock left by a process that was killed is taken over.
 */
export function lockDataFolder(folder: string): DataFolderLock {
  const resolved = path.resolve(folder);
  if (heldInThisProcess.has(resolved)) {
    throw new DataFolderLockedError(`the embedded database in ${resolved} is already open in this process`, null);
  }
  mkdirSync(resolved, { recursive: true });
  const lockFile = path.join(resolved, LOCK_FILE_NAME);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    command: describeThisProcess(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const text = `${JSON.stringify(holder, null, 2)}\n`;

  // A few rounds: each either takes the lock, refuses, or removes a stale lock and tries again.
  for (let round = 0; round < 3; round++) {
    if (createExclusive(lockFile, text)) return holdLock(resolved, lockFile, holder.token);
    let found: ReturnType<typeof readHolder>;
    try {
      found = readHolder(lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    if (!isStale(lockFile, found.holder)) throw lockedError(resolved, found.holder);
    if (!removeStaleLock(lockFile, found.text)) throw lockedError(resolved, null);
  }
  throw lockedError(resolved, null);
}

function holdLock(folder: string, lockFile: string, token: string): DataFolderLock {
  heldInThisProcess.add(folder);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldInThisProcess.delete(folder);
    process.off('exit', release);
    try {
      // Only our own: a lock taken over after this process was thought gone is not ours to remove.
      if (readHolder(lockFile).holder?.token === token) unlinkSync(lockFile);
    } catch {
      // Already gone, or the folder was removed: nothing is held.
    }
  };
  // 'exit' runs on process.exit() and at the natural end; a process killed outright leaves its
  // lock behind, and the next opener takes it over once it finds the pid gone.
  process.on('exit', release);
  return { folder, release };
}
