/** The language switch: a native select (robust for keyboards, screen readers and tests), named 语言/Language. */
import { LANGS, type Lang, useLang, useT } from '../i18n/index.tsx';

export function LangSwitch() {
  const [lang, setLang] = useLang();
  const t = useT();
  return (
    <select
      className="lang-select"
      aria-label={t('lang.label')}
      title={t('lang.label')}
      value={lang}
      onChange={(e) => setLang(e.target.value as Lang)}
    >
      {LANGS.map((l) => (
        <option key={l} value={l}>
          {l === 'zh-CN' ? t('lang.zh') : t('lang.en')}
        </option>
      ))}
    </select>
  );
}
