import { useReference } from './reference';
import type { Reference, Text } from './types';
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
