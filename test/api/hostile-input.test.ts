import JSZip from 'jszip';
import { API_URL, Api } from '../support/api';
import { auditAdminApi, createCast, tag } from '../support/cast';
import { eventually, expectOk } from '../support/lifecycle';

// Issue 20.6: bad input that still hurts — a zip bomb in an import, an upload that never ends.
jest.setTimeout(120_000);

async function importXlsx(api: Api, file: Buffer): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'bomb.xlsx');
  const res = await fetch(`${API_URL}/api/nominations/import`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${api.token}` },
  });
  return { status: res.status, body: await res.json() };
}

describe('hostile input (issue 20.6)', () => {
  it('refuses a 200 MB zip bomb posing as .xlsx in under a second, importing nothing', async () => {
    const cast = await createCast('500230', 'P1');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(200 * 1024 * 1024));
    const bomb = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024); // under the import's upload limit
    const before = await expectOk(cast.coordinator.api.get('/api/enterprises?pageSize=1'));

    const started = Date.now();
    const r = await importXlsx(cast.districtOfficer.api, bomb);
    const ms = Date.now() - started;
    expect(r).toMatchObject({ status: 400, body: { details: [{ field: 'file' }] } });
    expect(r.body.details[0].message).toMatch(/MB/);
    expect(ms).toBeLessThan(1000);
    const after = await expectOk(cast.coordinator.api.get('/api/enterprises?pageSize=1'));
    expect(after.total).toBe(before.total);
  });

  it('stops reading an upload at MAX_UPLOAD_MB (the parser counts; the service never sees it)', async () => {
    const cast = await createCast('500230', 'P1');
    const form = new FormData();
    form.append('creditCode', cast.creditCode);
    form.append('subject', 'nomination');
    // A valid PDF head and 11 MB after it: only the parser's limit refuses it (10 MB on the test stack).
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    form.append('file', new Blob([new Uint8Array(big)]), 'big.pdf');
    const res = await fetch(`${API_URL}/api/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${cast.districtOfficer.api.token}` },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const listed = await expectOk(
      cast.districtOfficer.api.get(`/api/attachments?creditCode=${cast.creditCode}`),
    );
    expect(listed).toEqual([]);
  });

  it('logs refused writes without a login by address, not body, and throttles the address', async () => {
    const marker = `MARK-anonymous-${tag()}`;
    const address = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const from = (a: string) => ({ 'x-forwarded-for': a });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const r = await Api.anonymous().post(
        '/api/nominations',
        { name: marker, creditCode: 'x' },
        from(address),
      );
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Another address is not held up, nor are reads.
    expect((await Api.anonymous().post('/api/nominations', {}, from('10.251.0.1'))).status).toBe(401);
    expect((await Api.anonymous().get('/api/health', from(address))).status).toBe(200);

    // Requests are logged after their answer (one append at a time on the keyed chain): wait for them.
    const admin = await auditAdminApi();
    const logged = async () => {
      const page = await expectOk(admin.get('/api/audit?actor=anonymous&pageSize=500'));
      const own = page.items.filter((e: any) => e.data?.clientAddress === address);
      return own.length >= 31 && { audit: page, mine: own };
    };
    const { audit, mine } = await eventually(logged);
    expect(mine.filter((e: any) => e.action === 'POST /api/nominations')).toHaveLength(30);
    expect(mine.filter((e: any) => e.action === 'request.throttled')).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(marker);
  });
});
