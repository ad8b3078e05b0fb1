import { BUILTIN_CLUSTERS } from '@hardtech/domain';
import { ensureReferenceData } from '@hardtech/persistence';
import { closeDb, db, openOwnerDataSource } from '../support/db';

// The built-in clusters were seeded with lower-case English names ("advanced materials"), which the
// English UI showed as they were. A database seeded then takes the proper names on its next
// migration; a name an administrator gave a cluster stays.

const english = async (code: string) =>
  (await db().query<{ en: string }>('SELECT en FROM clusters WHERE code = $1', [code])).rows[0].en;

describe('reference data: the built-in clusters’ English names', () => {
  let owner: Awaited<ReturnType<typeof openOwnerDataSource>>;
  beforeAll(async () => {
    owner = await openOwnerDataSource();
  });
  afterAll(async () => {
    await owner.query('UPDATE clusters SET en = $2 WHERE code = $1', ['F5', 'Biomedicine']);
    await owner.destroy();
    await closeDb();
  });

  it('are title case as official names are', () => {
    for (const c of BUILTIN_CLUSTERS) expect(c.en).toMatch(/^[A-Z]/);
    expect(BUILTIN_CLUSTERS.find((c) => c.code === 'T3')?.en).toBe('Advanced Materials');
  });

  it('replace the names seeded before, and keep an administrator’s', async () => {
    await owner.query('UPDATE clusters SET en = $2 WHERE code = $1', ['T3', 'advanced materials']);
    await owner.query('UPDATE clusters SET en = $2 WHERE code = $1', ['F5', 'Biopharmaceuticals']);
    await ensureReferenceData(owner);
    expect(await english('T3')).toBe('Advanced Materials');
    expect(await english('F5')).toBe('Biopharmaceuticals');
  });
});
