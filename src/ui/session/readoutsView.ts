import { gradeFlags, SERIES_INFO, VISIBLE, type SeriesValues } from '../../engine/index';
import type { SessionSnapshot, SetupInfo } from '../../session/index';
import type { AppStore } from '../appStore';
import { byId, setText } from '../dom';
import { dayLabel, gradeChange, indexReadout, indexValue, percent, signedPercent } from '../format';

function explainCapillary(): string {
  return (
    'Acute: how intact the small vessels under the patch are right now. Needles that reach the capillary loops break some; ' +
    'they heal over days to weeks, so this returns toward 100 % between well-spaced sessions. One session that is too hard (locally more than about two ' +
    'reference doses, e.g. 45 passes with 2.5 mm needles) breaks capillaries by itself (hypothesis [I]). It says nothing about lasting vessels: see Telangiectasia. ' +
    `Evidence: ${SERIES_INFO.capillaryIntegrity.evidence} (${SERIES_INFO.capillaryIntegrity.source}).`
  );
}

function explainTelangiectasia(): string {
  return (
    `Lasting: dilated small vessels that stay visible (above ${VISIBLE.telangiectasia.toFixed(2)}). They build up when capillaries are injured again before they healed ` +
    '(sessions too close, too many or too deep), and they do not fade when Capillary integrity recovers. So "Capillary integrity 100 %" next to ' +
    '"Telangiectasia 0.57 (visible)" means: the acute damage healed, the lasting damage stayed. Vessels of rosacea are there before any session and are marked pre-existing. ' +
    `Evidence: ${SERIES_INFO.telangiectasia.evidence} (${SERIES_INFO.telangiectasia.source}).`
  );
}

/** The "?" buttons: each shows or hides its explanation, one click away. */
function bindAbout(buttonId: string, textId: string, text: () => string): void {
  const button = byId<HTMLButtonElement>(buttonId);
  const box = byId(textId);
  box.textContent = text();
  button.addEventListener('click', () => {
    const open = box.hidden;
    box.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  });
}

/** Which condition brings baseline vessels along (for the pre-existing note). */
function vesselCondition(setup: SetupInfo | null, conditions: readonly string[]): string {
  if (conditions.includes('rosacea')) return 'rosacea';
  return setup && setup.baseline.telangiectasia > 0 ? 'the skin condition' : 'a condition';
}

/** The readouts of the outcome panel: subscribe to the snapshot and the setup, write text. */
export function mountReadouts(store: AppStore): void {
  const out = {
    collagen: byId('out-collagen'),
    erythema: byId('out-erythema'),
    edema: byId('out-edema'),
    capillary: byId('out-capillary'),
    telangiectasia: byId('out-telangiectasia'),
    plastic: byId('out-plastic'),
    pigment: byId('out-pigment'),
    passes: byId('out-passes'),
    passesNote: byId('passes-note'),
    bruising: byId('out-bruising'),
    scar: byId('out-scar'),
    wrinkle: byId('out-wrinkle'),
    laxity: byId('out-laxity'),
    texture: byId('out-texture'),
  };
  // The indication grades show when their indication is ticked; texture is graded on every skin (the engine's gradeFlags).
  const rows = { scar: byId('row-scar'), wrinkle: byId('row-wrinkle'), laxity: byId('row-laxity') };
  bindAbout('about-capillary-button', 'about-capillary', explainCapillary);
  bindAbout('about-telangiectasia-button', 'about-telangiectasia', explainTelangiectasia);

  const draw = (snap: SessionSnapshot | null): void => {
    if (snap === null) return;
    const m: SeriesValues = snap.means;
    const setup = store.setup.get();
    const base = setup?.baseline;
    const condition = vesselCondition(setup, store.settings.get().skin.conditions);
    setText(out.collagen, signedPercent(m.collagenGain));
    setText(out.erythema, indexReadout(m.erythema, VISIBLE.erythema, 2));
    setText(out.edema, indexReadout(m.edema, VISIBLE.edema, 2));
    setText(out.capillary, percent(m.capillaryIntegrity));
    setText(out.telangiectasia, indexReadout(m.telangiectasia, VISIBLE.telangiectasia, 2, base?.telangiectasia ?? 0, condition));
    setText(out.plastic, indexValue(m.plasticLook));
    setText(out.pigment, indexReadout(m.pigment, VISIBLE.pigment, 3, base?.pigment ?? 0, 'the skin condition'));
    setText(out.bruising, indexValue(m.purpura));
    const flags = gradeFlags(store.settings.get().skin.conditions);
    rows.scar.hidden = !flags.scars;
    rows.wrinkle.hidden = !flags.wrinkles;
    rows.laxity.hidden = !flags.laxity;
    setText(out.scar, signedPercent(m.scarSeverity));
    setText(out.wrinkle, gradeChange(m.wrinkleSeverity));
    setText(out.laxity, gradeChange(m.laxitySeverity));
    setText(out.texture, gradeChange(m.textureSeverity));
    // The session in progress only: once it ended, the count goes back to 0 and the note says what it was.
    const current = snap.current;
    setText(out.passes, `${(current?.meanPasses ?? 0).toFixed(1)} passes`);
    const last = snap.sessions[snap.sessions.length - 1];
    setText(
      out.passesNote,
      current
        ? `Session ${current.index} in progress since ${dayLabel(current.startHour)}${snap.passesThisSession > 0 ? `; ${snap.passesThisSession} with “Roll one pass”` : ''}.`
        : last
          ? `No session open. The last one (${dayLabel(last.startHour)}) had ${last.meanPasses.toFixed(1)} passes.`
          : 'No session open.',
    );
  };
  store.snapshot.watch(draw);
  store.setup.subscribe(() => draw(store.snapshot.get()));
}
