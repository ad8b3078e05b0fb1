import { Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Schemas } from '../api/contract';
import { useReference } from '../api/reference';
import { useLocalText } from '../i18n';
import { PersonName } from './PersonName';

type Person = Schemas['PersonDto'];

/** Typing pauses this long before the server is asked: one request per word, not per keystroke. */
const SEARCH_PAUSE_MS = 250;

interface Props {
  /** The endpoint that answers `{ items: PersonDto[] }` for `?q=`: it applies the rule served. */
  path: string;
  id?: string;
  value: string[];
  /** The picked usernames, and those people as the server offered them (names for a message). */
  onChange(usernames: string[], people: Person[]): void;
  /** One person (委托代理) or several (抄送). */
  single?: boolean;
}

/**
 * Picks colleagues by name from those the server offers (抄送: who may see the enterprise; 委托代理:
 * who may stand in for me), instead of typing usernames: officers know each other by name.
 */
export function PeoplePicker({ path, id, value, onChange, single }: Props) {
  const { t } = useTranslation('common');
  const local = useLocalText();
  const reference = useReference();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [loading, setLoading] = useState(true);
  // The names of those already picked, so a new search does not turn them back into usernames.
  const known = useRef(new Map<string, Person>());

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      api<{ items: Person[] }>(path, { query: { q: q || undefined }, signal: controller.signal }).then(
        (answer) => {
          answer.items.forEach((p) => known.current.set(p.username, p));
          setPeople(answer.items);
          setLoading(false);
        },
        () => !controller.signal.aborted && setLoading(false),
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path, q]);

  const label = (p: Person) => (
    <span>
      <PersonName {...p} />
      {reference && <Typography.Text type="secondary"> · {local(reference.roles[p.role])}</Typography.Text>}
    </span>
  );
  const picked = value.map((u) => known.current.get(u)).filter((p): p is Person => !!p);
  const options = [...picked, ...people.filter((p) => !value.includes(p.username))].map((p) => ({
    value: p.username,
    label: label(p),
    // Shown in the box once picked: the name alone.
    display: p.displayName,
  }));

  return (
    <Select
      id={id}
      mode={single ? undefined : 'multiple'}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={single ? (value[0] ?? null) : value}
      onChange={(v: string | string[] | null) => {
        const usernames = v == null ? [] : Array.isArray(v) ? v : [v];
        onChange(
          usernames,
          usernames.map((u) => known.current.get(u)).filter((p): p is Person => !!p),
        );
      }}
      options={options}
      optionLabelProp="display"
      placeholder={t('people.placeholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('people.none')}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
