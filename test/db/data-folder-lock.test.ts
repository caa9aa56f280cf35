// The embedded data folder's lock, on real folders and real processes: one holder at a time, named
// when another is refused; a lock whose process is gone is taken over; released on close and on exit.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderLockedError, LOCK_FILE_NAME, lockDataFolder, type LockHolder } from '../../src/db/data-folder-lock.js';
import { packageRoot } from '../../src/package-root.js';

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'quotegraph-lock-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const newFolder = () => path.join(root, `data-${++count}`);
const lockFileOf = (folder: string) => path.join(folder, LOCK_FILE_NAME);

function holderText(holder: Partial<LockHolder>): string {
  return JSON.stringify({ pid: 1, hostname: hostname(), command: 'quotegraph serve', since: '2026-01-01T00:00:00.000Z', token: 'other', ...holder });
}

async function mkdirFor(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  return folder;
}

/** The pid of a process that has exited: its lock is stale. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the data folder lock', () => {
  it('is a file in the folder naming this process, removed on release', async () => {
    const folder = newFolder();
    const lock = lockDataFolder(folder);
    const holder = JSON.parse(await readFile(lockFileOf(folder), 'utf8')) as LockHolder;
    expect(holder).toMatchObject({ pid: process.pid, hostname: hostname(), command: expect.any(String), since: expect.any(String) });
    lock.release();
    expect(existsSync(lockFileOf(folder))).toBe(false);
    lockDataFolder(folder).release();
  });

  it('refuses a folder held by another running process, naming it and saying what to do', async () => {
    const folder = newFolder();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await writeFile(path.join(await mkdirFor(folder), LOCK_FILE_NAME), holderText({ pid: sleeper.pid }));
      let refused: unknown;
      try {
        lockDataFolder(folder);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DataFolderLockedError);
      const message = (refused as Error).message;
      expect(message).toContain(`in use by process ${sleeper.pid} (quotegraph serve`);
      expect(message).toMatch(/stop it first .*kill \d+.*DATABASE_URL/);
      expect(message).not.toContain('\n');
      // The holder's lock is left as it was.
      expect(JSON.parse(await readFile(lockFileOf(folder), 'utf8')).pid).toBe(sleeper.pid);
    } finally {
      sleeper.kill();
    }
  });

  it('refuses a second holder in the same process', () => {
    const folder = newFolder();
    const lock = lockDataFolder(folder);
    try {
      expect(() => lockDataFolder(folder)).toThrow(/already open in this process/);
    } finally {
      lock.release();
    }
  });

  it('takes over a lock whose process is gone', async () => {
    const folder = newFolder();
    const pid = await deadPid();
    await writeFile(path.join(await mkdirFor(folder), LOCK_FILE_NAME), holderText({ pid }));
    const lock = lockDataFolder(folder);
    expect(JSON.parse(await readFile(lockFileOf(folder), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock held on another host, whose process it cannot ask after, and names the file to delete', async () => {
    const folder = newFolder();
    await writeFile(path.join(await mkdirFor(folder), LOCK_FILE_NAME), holderText({ pid: await deadPid(), hostname: 'elsewhere.example' }));
    expect(() => lockDataFolder(folder)).toThrow(/on host elsewhere\.example .*delete .*quotegraph\.lock/);
  });

  it('refuses a lock being written this instant, and takes over one left unwritten long ago', async () => {
    const folder = newFolder();
    const lockFile = path.join(await mkdirFor(folder), LOCK_FILE_NAME);
    await writeFile(lockFile, '');
    expect(() => lockDataFolder(folder)).toThrow(/taking it right now/);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockFile, longAgo, longAgo);
    lockDataFolder(folder).release();
  });

  it('does not remove a lock another process took over after this one was thought gone', async () => {
    const folder = newFolder();
    const lock = lockDataFolder(folder);
    await writeFile(lockFileOf(folder), holderText({ pid: process.ppid, token: 'newer' }));
    lock.release();
    expect(JSON.parse(await readFile(lockFileOf(folder), 'utf8')).token).toBe('newer');
  });

  it('is released when its process exits without releasing it', async () => {
    const folder = newFolder();
    const module = pathToFileURL(path.join(packageRoot, 'dist/src/db/data-folder-lock.js')).href;
    const script = `const { lockDataFolder } = await import(${JSON.stringify(module)}); lockDataFolder(${JSON.stringify(folder)}); console.log('locked'); process.exit(0);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('locked');
    expect(existsSync(lockFileOf(folder))).toBe(false);
  });
});
