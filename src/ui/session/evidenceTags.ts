import { HOURS_PER_DAY } from '../../engine/index';
import { outsideEnvelopeOf } from '../../evidence/envelope';
import type { SessionSnapshot } from '../../session/index';
import type { AppStore } from '../appStore';
import { byId } from '../dom';
import { evidenceTagClass } from '../seriesDisplay';
import { atom, type ReadonlyAtom } from '../store';

/** Readouts whose series rest on trials: their tag turns to "extrapolation" outside the trials' envelope. */
const DATA_READOUTS = ['out-collagen', 'out-erythema', 'out-edema', 'out-scar', 'out-wrinkle', 'out-laxity', 'out-texture'] as const;

/**
 * The evidence tags of the session view's readouts (docs/model.md §17): "data" while the sessions rolled
 * so far lie inside the protocols the published trials covered, "extrapolation" with the reason (the
 * tag's title, and a hidden sentence that describes the readout for screen readers) once they leave it.
 * The same envelope as Compare and the CLI. Returns the reason ('' inside the envelope), which the live
 * chart's legend follows too.
 */
export function mountEvidenceTags(store: AppStore): ReadonlyAtom<string> {
  const reason = atom('');
  const tags = DATA_READOUTS.map((id) => {
    const output = byId(id);
    const tag = output.parentElement?.querySelector<HTMLElement>('.tag');
    if (!tag) throw new Error(`no evidence tag beside #${id}`);
    // The reason, for screen readers too: a hidden sentence the readout is described by (beside any note it has).
    const why = document.createElement('span');
    why.id = `${id}-evidence`;
    why.className = 'visually-hidden';
    tag.after(why);
    output.setAttribute('aria-describedby', [output.getAttribute('aria-describedby'), why.id].filter(Boolean).join(' '));
    return { tag, why };
  });
  let shown: string | null = null;
  const draw = (snap: SessionSnapshot | null): void => {
    if (snap === null || !snap.listsChanged) return;
    const skin = store.settings.get().skin;
    const done = snap.current ? [...snap.sessions, snap.current] : snap.sessions;
    const reasons =
      done.length === 0
        ? []
        : outsideEnvelopeOf({
            sessions: done.map((s) => ({ day: s.startHour / HOURS_PER_DAY, needleMm: s.needleMm, passes: Math.round(s.meanPasses * 10) / 10 })),
            region: skin.region,
            phototype: skin.phototype,
          });
    const why = reasons.join('; ');
    if (why === shown) return;
    shown = why;
    const text = evidenceSentence(why);
    for (const t of tags) {
      showEvidenceTag(t.tag, why);
      t.why.textContent = `Evidence: ${text}.`;
    }
    reason.set(why);
  };
  store.snapshot.watch(draw);
  return reason;
}

/** What a data tag says in its title: inside the trials' protocols, or outside them and why. */
export function evidenceSentence(why: string): string {
  return why ? `Outside the published trials' protocols: ${why}` : 'Inside the protocols the published trials covered';
}

/** A tag of a series resting on trials: "data", or "extrapolation" with the reason in its title. */
export function showEvidenceTag(tag: HTMLElement, why: string): void {
  tag.className = `tag ${evidenceTagClass(why ? 'extrapolation' : 'data')}`;
  tag.textContent = why ? 'extrapolation' : 'data';
  tag.title = evidenceSentence(why);
}
