// The zip container of an .xlsx file, read and written with Node's own zlib.
// exceljs compresses with a JavaScript deflate (pako) that takes about half a
// second on a 10,000-row workbook; Node's native zlib does it in a fraction.
// Only what .xlsx files use: stored or deflated entries, no encryption, no zip64.

import { crc32, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

export type ZipEntry = {
  name: string;
  /** The uncompressed bytes, inflated on first use. */
  data(): Buffer;
  /** The entry as stored, to copy into another zip without inflating it: its bytes, method, CRC and unpacked size. */
  stored: StoredEntry;
};

export type StoredEntry = { method: number; crc: number; size: number; bytes: Buffer };

/**
 * Thrown when a zip declares more unpacked bytes than the command will hold, or an entry inflates to
 * more than it declared. Checked before anything is inflated, so a small zip that would unpack to
 * gigabytes is refused in milliseconds.
 */
export class ZipTooLargeError extends Error {
  override name = 'ZipTooLargeError';
}

/** The unpacked size the command accepts: a 10,000-initiative workbook unpacks to about 10 MB. */
export const UNPACKED_BUDGET_BYTES = 400 * 1024 * 1024;

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;

function endOfDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new Error('not a zip file');
}

/** The entries of a zip, in the order of its central directory. Throws when the bytes are not a readable zip. */
export function readZip(zip: Buffer, budget = UNPACKED_BUDGET_BYTES): ZipEntry[] {
  const end = endOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('damaged zip directory');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw new Error('encrypted zip');
    if (method !== STORED && method !== DEFLATED) throw new Error(`zip compression method ${method}`);
    if (zip.readUInt32LE(localHeader) !== LOCAL_HEADER) throw new Error('damaged zip entry');
    const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(start, start + compressedSize);
    declared += size;
    let data: Buffer | undefined;
    // An entry may not inflate past the size it declared: a lying header cannot get round the budget.
    entries.push({ name, data: () => (data ??= method === STORED ? raw : inflateDeclared(raw, size, name)), stored: { method, crc, size, bytes: raw } });
  }
  if (declared > budget) {
    throw new ZipTooLargeError(`its parts unpack to ${megabytes(declared)}, more than the ${megabytes(budget)} the command reads`);
  }
  return entries;
}

/** An entry's bytes inflated afresh, not kept by the entry: for a part read once and let go. */
export const unpack = (name: string, stored: StoredEntry): Buffer => (stored.method === STORED ? stored.bytes : inflateDeclared(stored.bytes, stored.size, name));

function inflateDeclared(raw: Buffer, size: number, name: string): Buffer {
  try {
    // One output chunk of the declared size (and a byte, so zlib sees the end): inflated into it in one go, not
    // in 16 KB chunks concatenated afterwards, which took half the time of inflating a 9 MB sheet.
    return inflateRawSync(raw, { maxOutputLength: Math.max(size, 1), chunkSize: Math.max(size + 1, 64) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLargeError(`its part ${name} unpacks to more than the ${megabytes(size)} its zip declares`);
    throw error;
  }
}

/** MS-DOS time and date fields, in UTC so the same date gives the same bytes in every time zone. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** `data` as a zip entry, deflated at `level` (0 stores it as it is). */
export const packEntry = (data: Buffer, level = 1): StoredEntry => ({
  method: level === 0 ? STORED : DEFLATED,
  crc: crc32(data),
  size: data.length,
  bytes: level === 0 ? data : deflateRawSync(data, { level }),
});

/**
 * packEntry on Node's thread pool: the deflating goes on while the caller does other work. Its output is
 * one chunk a quarter of the input's size (a sheet's XML deflates to about a sixth), so a part is deflated
 * in one go without setting aside memory it will not use: in 16 KB chunks, each waited for the caller to be
 * idle before the next was deflated, so a busy caller got little done beside it.
 */
export function packEntryLater(data: Buffer, level = 1): Promise<StoredEntry> {
  return new Promise((resolve, reject) =>
    deflateRaw(data, { level, chunkSize: Math.max(Math.ceil(data.length / 4), 64 * 1024) }, (error, bytes) => (error ? reject(error) : resolve({ method: DEFLATED, crc: crc32(data), size: data.length, bytes }))),
  );
}

/**
 * A zip of `entries`, deflated at `level` (0 stores them as they are). Directories are implied by
 * the names, as in files Excel writes.
 */
export function writeZip(entries: ({ name: string; data: Buffer } | { name: string; stored: StoredEntry })[], date = new Date(), level = 1): Buffer {
  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    // An entry copied as stored keeps its compressed bytes: not inflated, not deflated again.
    const stored: StoredEntry = 'stored' in entry ? entry.stored : packEntry(entry.data, level);
    const { method, bytes: packed } = stored;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0, deflate
    header.writeUInt16LE(0x800, 6); // names are UTF-8
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(day, 12);
    header.writeUInt32LE(stored.crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(stored.size, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    header.copy(central, 6, 4, 30); // version needed through name length are the same fields
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, packed);
    centrals.push(central, name);
    offset += header.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
