/**
 * Standard input saved to a temporary file, so that `classify -` streams it like a file (its passes read
 * the input more than once) in flat memory; the file is removed afterwards, whatever happens.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function withStdinAsFile<T>(
  run: (path: string) => Promise<T>,
  stdin: Readable = process.stdin,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ownership-balance-'));
  try {
    const path = join(dir, 'standard-input');
    await pipeline(stdin, createWriteStream(path));
    return await run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
