import districtsFile from './reference/districts.json';
import clustersFile from './reference/clusters.json';
import { Text, t } from './text';

export interface District {
  code: string;
  name: string;
  /** The standard pinyin name (Yubei District), what the English UI says. */
  en: string;
  kind: 'district' | 'county' | 'zone';
}

export interface Cluster {
  code: string;
  tier: 'leading' | 'pillar' | 'featured' | 'new_star';
  name: string;
  en: string;
}

/** GB/T 2260 divisions of Chongqing plus the three functional zones of the policy's addressees. */
export const DISTRICTS: readonly District[] = districtsFile.districts as District[];

/**
 * The built-in "33618" clusters. Administrators extend the taxonomy (the 18 new-star clusters) in
 * the database; these are its seed.
 */
export const BUILTIN_CLUSTERS: readonly Cluster[] = clustersFile.clusters as Cluster[];

const districtByCode = new Map(DISTRICTS.map((d) => [d.code, d]));

export function findDistrict(code: string): District | undefined {
  return districtByCode.get(code);
}

/** A district's name in both languages; an unknown code as itself. */
export function districtText(code: string): Text {
  const d = findDistrict(code);
  return d ? t(d.name, d.en) : t(code, code);
}
