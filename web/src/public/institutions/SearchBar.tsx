/**
 * The first controls on a phone: the keyword (name or address) and the 筛选 button that opens the
 * other filters, showing how many are set. The keyword reaches the URL 300 ms after typing stops, or
 * at once on Enter.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/index.tsx';

type Update = (patch: Record<string, string | number | undefined>) => void;

export function SearchBar(props: {
  q: string | undefined;
  update: Update;
  active: number;
  open: boolean;
  onToggle: () => void;
  panelId: string;
}) {
  const { q, update, active, open, onToggle, panelId } = props;
  const t = useT();
  const id = useId();
  const [text, setText] = useState(q ?? '');
  const sent = useRef(q ?? '');
  // The URL changed by itself (back navigation, a shared link): show its keyword.
  useEffect(() => {
    if ((q ?? '') !== sent.current) {
      sent.current = q ?? '';
      setText(q ?? '');
    }
  }, [q]);
  const send = (v: string) => {
    const next = v.trim();
    if (next === sent.current) return;
    sent.current = next;
    update({ q: next || undefined });
  };
  useEffect(() => {
    const timer = setTimeout(() => send(text), 300);
    return () => clearTimeout(timer);
  });

  return (
    <search className="pub-searchbar">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send(text);
        }}
      >
        <label htmlFor={id} className="sr-only">
          {t('pub.keyword')}
        </label>
        <input
          id={id}
          type="search"
          enterKeyHint="search"
          maxLength={50}
          placeholder={t('pub.keywordPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </form>
      <button
        type="button"
        className="pub-button pub-filter-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={onToggle}
      >
        {t('pub.filterToggle')}
        {active > 0 && (
          <span className="pub-badge" role="img" aria-label={t('pub.filterActive', { n: active })}>
            {active}
          </span>
        )}
      </button>
    </search>
  );
}
