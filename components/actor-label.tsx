import type { Actor } from '@/lib/types';

/** "CZE Czech Republic" with the sub-actor in the article's words under it. */
export function ActorLabel({ actor, role }: { actor: Actor; role: 'accuser' | 'accused' }) {
  return (
    <span className={`actor actor-${role}`} data-code={actor.code}>
      <span className="actor-code" aria-hidden="true">
        {actor.code}
      </span>
      <span className="actor-name">{actor.name}</span>
      {actor.detail && actor.detail !== actor.name ? <span className="actor-detail">{actor.detail}</span> : null}
    </span>
  );
}
