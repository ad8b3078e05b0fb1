import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

/** A sign-in form's submit: busy while it runs, the server's message when it is refused. */
export function useAccountSubmit<V>(action: (values: V) => Promise<void>) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    setError(undefined);
    try {
      await action(values);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}
