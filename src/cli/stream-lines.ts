/**
 * Lines of a file, streamed (never the whole file in memory), gunzipped on the fly when the file is
 * gzip (by its magic bytes, whatever its name). `-` reads standard input.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Whether a file is gzip, by its magic bytes (whatever its name). */
export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally { closeSync(fd); }
}

export async function* streamLines(path: string): AsyncGenerator<string> {
  let input: Readable = path === '-' ? process.stdin : createReadStream(path);
  if (path !== '-' && isGzipFile(path)) input = input.pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) yield line;
}
