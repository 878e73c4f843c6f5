import { useState } from 'react';
import { t } from '@/lib/i18n';

/** Tags as removable chips, and a field to add one (Enter or comma). */
export function TagEditor({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim().replace(/,$/, '');
    if (tag && !tags.some((x) => x.toLowerCase() === tag.toLowerCase())) onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <div className="tag-editor">
      <span className="tag-label" id="tags-label">
        {t('tagsLabel')}
      </span>
      <ul className="tags" aria-labelledby="tags-label">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button type="button" aria-label={t('tagRemove', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        value={draft}
        placeholder={t('tagAdd')}
        aria-label={t('tagAdd')}
        maxLength={50}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
        onBlur={add}
      />
    </div>
  );
}
