/**
 * A minimal, deterministic tar (POSIX ustar) writer: regular files only, mode 0644, owner 0:0,
 * mtime 0, no user or group names, so the same members in the same order give the same bytes.
 * Names longer than ustar's 100 bytes get a pax `path` record before them.
 */

const block = 512;
/** The largest size an 11-digit octal field holds (8 GiB - 1). */
const maxSize = 0o77777777777;

/** Two zero blocks: the end of an archive. */
export const tarEnd: Uint8Array = new Uint8Array(2 * block);

function field(header: Buffer, offset: number, length: number, text: string): void {
  header.write(text, offset, length, 'utf8');
}

function octal(value: number, digits: number): string {
  return `${value.toString(8).padStart(digits, '0')}\0`;
}

function header(name: string, size: number, type: '0' | 'x'): Buffer {
  if (!Number.isSafeInteger(size) || size < 0 || size > maxSize) throw new RangeError(`tar member "${name}" is too large: ${size} bytes`);
  const header = Buffer.alloc(block);
  field(header, 0, 100, name);
  field(header, 100, 8, octal(0o644, 7));
  field(header, 108, 8, octal(0, 7));
  field(header, 116, 8, octal(0, 7));
  field(header, 124, 12, octal(size, 11));
  field(header, 136, 12, octal(0, 11));
  field(header, 148, 8, ' '.repeat(8)); // the checksum counts its own field as spaces
  field(header, 156, 1, type);
  field(header, 257, 6, 'ustar\0');
  field(header, 263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** Zero bytes that pad `size` bytes of data to a whole block. */
function padding(size: number): Uint8Array {
  return new Uint8Array((block - (size % block)) % block);
}

/** A pax extended header record, `<length> <key>=<value>\n`, the length counting itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength;
  return Buffer.from(`${length}${body}`);
}

/**
 * The bytes of one regular file `name` holding `data`: its header (after a pax header when the
 * name is over 100 bytes), the data, and the padding to a whole block.
 */
export function tarMember(name: string, data: Uint8Array): Uint8Array[] {
  if (name === '' || name.includes('\0')) throw new TypeError(`invalid tar member name ${JSON.stringify(name)}`);
  const chunks: Uint8Array[] = [];
  if (Buffer.byteLength(name) > 100) {
    const pax = paxRecord('path', name);
    chunks.push(header('PaxHeader', pax.length, 'x'), pax, padding(pax.length));
  }
  // A longer name is cut to the 100 bytes of the ustar field (whole characters only), for readers
  // without pax support.
  chunks.push(header(name, data.length, '0'), data, padding(data.length));
  return chunks;
}
