import { byTier } from '@hardtech/domain/cluster-taxonomy';
import { useReference } from './reference';
import type { Cluster, Reference, Text } from './types';
import { useLocalText } from '../i18n';

/** A district's name in both languages: the English UI says Yubei District, not 渝北区. */
export const districtText = (d: Reference['districts'][number]): Text => ({ zh: d.name, en: d.en });

/** Names of district and cluster codes for table cells; the code itself until the reference loads. */
export function useReferenceNames() {
  const reference = useReference();
  const local = useLocalText();
  return {
    reference,
    district: (code: string | null | undefined) => {
      const district = reference?.districts.find((d) => d.code === code);
      return district ? local(districtText(district)) : (code ?? '');
    },
    cluster: (code: string | null | undefined) => {
      const cluster = reference?.clusters.find((c) => c.code === code);
      return cluster ? local({ zh: cluster.name, en: cluster.en }) : (code ?? '');
    },
  };
}

/**
 * The taxonomy's clusters as a select's options, `T2 功率半导体`: the active ones first, then the
 * retired ones marked 已停用, each in the taxonomy's order. A filter may pick a retired one (old
 * records carry it); where a cluster is chosen anew (`retired: 'disabled'`) it is shown, not chosen.
 */
export function clusterOptions(
  clusters: readonly Cluster[] | undefined,
  local: (text: Text) => string,
  retired: 'choosable' | 'disabled' = 'choosable',
): { value: string; label: string; disabled: boolean }[] {
  const retiredLast = (a: Cluster, b: Cluster) => Number(!a.active) - Number(!b.active) || byTier(a, b);
  return [...(clusters ?? [])].sort(retiredLast).map((c) => ({
    value: c.code,
    label: local(
      c.active
        ? { zh: `${c.code} ${c.name}`, en: `${c.code} ${c.en}` }
        : { zh: `${c.code} ${c.name}（已停用）`, en: `${c.code} ${c.en} (retired)` },
    ),
    disabled: !c.active && retired === 'disabled',
  }));
}

/**
 * A cluster filter's dropdown as wide as its longest option (within the screen): cut at the
 * select's width, a long name hid the 已停用 / retired mark at its end.
 */
export const CLUSTER_POPUP = {
  popupMatchSelectWidth: false,
  styles: { popup: { root: { maxWidth: 'calc(100vw - 40px)' } } },
} as const;
