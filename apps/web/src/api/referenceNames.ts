import { useReference } from './reference';
import { useLocalText } from '../i18n';

/** Names of district and cluster codes for table cells; the code itself until the reference loads. */
export function useReferenceNames() {
  const reference = useReference();
  const local = useLocalText();
  return {
    reference,
    district: (code: string | null | undefined) =>
      reference?.districts.find((d) => d.code === code)?.name ?? code ?? '',
    cluster: (code: string | null | undefined) => {
      const cluster = reference?.clusters.find((c) => c.code === code);
      return cluster ? local({ zh: cluster.name, en: cluster.en }) : (code ?? '');
    },
  };
}
