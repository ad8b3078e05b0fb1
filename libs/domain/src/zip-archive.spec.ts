import JSZip from 'jszip';
import { zipArchiveProblem } from './zip-archive';

async function zip(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('zipArchiveProblem', () => {
  it('lets an ordinary archive through', async () => {
    expect(zipArchiveProblem(await zip({ 'a.xml': '<a/>', 'b.xml': 'x'.repeat(5000) }))).toBeNull();
  });

  it('refuses too many entries and too many declared bytes, before inflating anything', async () => {
    const many = await zip(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, 'x'])));
    expect(zipArchiveProblem(many, { maxEntries: 10, maxUncompressedBytes: 1e9 })?.en).toMatch(/12 entries/);
    const big = await zip({ zeros: new Uint8Array(2_000_000) });
    expect(big.length).toBeLessThan(50_000);
    expect(zipArchiveProblem(big, { maxEntries: 10, maxUncompressedBytes: 1_000_000 })?.en).toMatch(
      /uncompressed/,
    );
  });

  it('refuses what is not a zip, or a cut one', async () => {
    expect(zipArchiveProblem(new TextEncoder().encode('PK\x03\x04 not really'))).not.toBeNull();
    const ok = await zip({ 'a.xml': '<a/>' });
    expect(zipArchiveProblem(ok.subarray(0, ok.length - 30))).not.toBeNull();
  });
});
