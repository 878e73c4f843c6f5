import { useState } from 'react';

/** Tags as removable chips, and a field to add one (Enter or comma). */
export function TagEditor({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const t = draft.trim().replace(/,$/, '');
    if (t && !tags.some((x) => x.toLowerCase() === t.toLowerCase())) onChange([...tags, t]);
    setDraft('');
  };
  return (
    <div className="tag-editor">
      <span className="tag-label" id="tags-label">
        Tags
      </span>
      <ul className="tags" aria-labelledby="tags-label">
        {tags.map((t) => (
          <li key={t} className="tag">
            {t}
            <button type="button" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        value={draft}
        placeholder="Add a tag"
        aria-label="Add a tag"
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
