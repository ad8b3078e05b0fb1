import { t, Text } from './text';

/**
 * What an uploaded .xlsx (a zip archive) may declare before it is parsed (issue 20.6): a few
 * hundred rows take a few dozen entries and a few MB; a zip bomb of 200 MB of zeros fits in 200 KB
 * and would be inflated whole by the spreadsheet reader.
 */
export const ZIP_LIMITS = { maxEntries: 1000, maxUncompressedBytes: 100 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Why the archive is refused, read from its central directory only (nothing is inflated): too many
 * entries, a declared uncompressed size over the limit, ZIP64 sizes, or a directory that does not
 * add up. Null when it may be parsed.
 */
export function zipArchiveProblem(bytes: Uint8Array, limits = ZIP_LIMITS): Text | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = t('压缩包结构损坏', 'the archive is damaged');
  let eocd = -1;
  // The end record sits in the last 22 bytes plus at most a 65535-byte comment.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return broken;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || offset === 0xffffffff)
    return t('不支持 ZIP64 压缩包', 'ZIP64 archives are refused');
  if (entries > limits.maxEntries) {
    return t(
      `压缩包文件数 ${entries} 超过上限 ${limits.maxEntries}`,
      `${entries} entries in the archive, more than ${limits.maxEntries}`,
    );
  }
  if (offset + size > eocd) return broken;
  let total = 0;
  let at = offset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) return broken;
    const uncompressed = view.getUint32(at + 24, true);
    if (uncompressed === 0xffffffff) return t('不支持 ZIP64 压缩包', 'ZIP64 archives are refused');
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) {
      const mb = Math.round(limits.maxUncompressedBytes / 1024 / 1024);
      return t(`解压后超过 ${mb} MB，已拒绝`, `more than ${mb} MB uncompressed: refused`);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return null;
}
