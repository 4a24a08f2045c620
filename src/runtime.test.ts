import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDataDir, StartupError } from './runtime.js';

describe('the data folder', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-runtime-'));
  });
  afterEach(() => {
    fs.chmodSync(tmp, 0o700);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is created, with its parents, when it does not exist yet', () => {
    const dataDir = path.join(tmp, 'srv', 'broadside', 'data');
    ensureDataDir(dataDir);
    expect(fs.statSync(dataDir).isDirectory()).toBe(true);
  });

  it('is accepted as it is when it already exists, and keeps no probe file behind', () => {
    fs.writeFileSync(path.join(tmp, 'broadside.sqlite'), 'x');
    ensureDataDir(tmp);
    expect(fs.readdirSync(tmp)).toEqual(['broadside.sqlite']);
  });

  it('is refused with a StartupError naming the folder and BROADSIDE_DATA when a file is in the way', () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const dataDir = path.join(file, 'data');
    expect(() => ensureDataDir(dataDir)).toThrow(StartupError);
    try {
      ensureDataDir(dataDir);
    } catch (error) {
      const message = (error as StartupError).message;
      expect((error as StartupError).name).toBe('StartupError');
      expect(message).toContain(`The data folder ${dataDir} is not writable`);
      expect(message).toContain('Set BROADSIDE_DATA to a folder Broadside can write to.');
      expect(message).not.toContain('\n');
      expect((error as Error).cause).toBeDefined();
    }
  });

  it('is refused when the path is a regular file', () => {
    const file = path.join(tmp, 'data');
    fs.writeFileSync(file, 'not a folder');
    expect(() => ensureDataDir(file)).toThrow(/The data folder .+ is not writable .*BROADSIDE_DATA/);
  });

});
