import { Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Schemas } from '../api/contract';
import { useReference } from '../api/reference';
import { useLocalText } from '../i18n';
import { PersonName, personText } from './PersonName';
import { useClearable } from './controlLabels';

type Person = Schemas['PersonDto'];

/** A person a picker offers: the name, the account and the role, whose name is their department. */
type Pickable = Pick<Person, 'username' | 'displayName' | 'role'>;

/**
 * One person in a picker of people (抄送, 委托代理, 加签), the same in each: the name, the account in
 * grey, then their department (科技处（统筹）, 区县经信部门), which on a phone goes to the next line
 * whole instead of being cut to "· 区…". `mark` comes first (会签中): the end is what a phone loses.
 */
export function PersonOption({ person, mark }: { person: Pickable; mark?: string }) {
  const local = useLocalText();
  const reference = useReference();
  return (
    <span data-testid="person-option" style={{ whiteSpace: 'normal' }}>
      {mark && `${mark} · `}
      <PersonName {...person} />
      {reference && (
        <Typography.Text type="secondary" style={{ display: 'inline-block', whiteSpace: 'normal' }}>
          &nbsp;· {local(reference.roles[person.role])}
        </Typography.Text>
      )}
    </span>
  );
}

/**
 * A picker's option for a person: `PersonOption` in the list, the name alone in the box once picked
 * (`optionLabelProp="display"`), the name and account (after the mark) as its `text`, which a picker
 * that filters in the browser filters on (`optionFilterProp: 'text'`).
 */
export function personOption(person: Pickable, mark?: string) {
  return {
    value: person.username,
    label: <PersonOption person={person} mark={mark} />,
    text: mark ? `${mark} · ${personText(person)}` : personText(person),
    display: person.displayName,
  };
}

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
  const clear = useClearable();
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

  const picked = value.map((u) => known.current.get(u)).filter((p): p is Person => !!p);
  const options = [...picked, ...people.filter((p) => !value.includes(p.username))].map((p) =>
    personOption(p),
  );

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
      allowClear={clear}
      style={{ width: '100%' }}
    />
  );
}
