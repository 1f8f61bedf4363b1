/**
 * A look at a zip file's central directory before anything is unpacked: how much it would unpack
 * to. A DOCX is a zip; a "zip bomb" unpacks a few kilobytes into gigabytes. Pure: bytes in.
 */

export interface ZipSize {
  entries: number;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Sizes from the central directory, or a reason why the file is not a zip eindred will open. */
export function zipSize(bytes: Uint8Array): ZipSize | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KB (22 bytes plus a comment).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return 'it is not a zip file (no central directory)';
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || at === 0xffffffff) return 'it is a ZIP64 archive, which a Word document never needs';
  const size: ZipSize = { entries, compressed: 0, uncompressed: 0 };
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return 'its central directory is damaged';
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff)
      return 'it holds ZIP64 entries, which a Word document never needs';
    size.compressed += compressed;
    size.uncompressed += uncompressed;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return size;
}
