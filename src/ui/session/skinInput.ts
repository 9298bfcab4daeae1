import type { SkinView } from '../../view/skinView';
import { arrowDirection, clampRollerMm, KEY_MOVE_MM, KEY_ROLL_MM, StrokeTracker } from '../../view/strokeInput';
import { byId } from '../dom';
import type { SessionViewContext } from './context';

/**
 * Rolling with the pointer (mouse, pen, touch) and the keyboard: turns gestures into stroke and pass
 * intents (AppEngine), and keeps the roller and the hovered cell in the store for the views.
 * The patch size and the drum come from the engine's setup, never from copies here.
 */
export function mountSkinInput(ctx: SessionViewContext, view: SkinView): void {
  const { store, engine } = ctx;
  const skin = byId('skin-wrapper');
  const tracker = new StrokeTracker(0.5);
  let gesture = 0;

  const patchMm = (): number => store.setup.get()?.patchMm ?? 0;
  const drumMm = (): number => store.setup.get()?.params.drumWidthMm ?? 0;
  const blocked = (): boolean => store.setup.get()?.blocked ?? true;
  const roller = (patch: Partial<ReturnType<typeof store.roller.get>>): void => store.roller.update((r) => ({ ...r, ...patch }));

  const cellAt = (xMm: number, yMm: number): { ix: number; iy: number } | null => {
    const setup = store.setup.get();
    if (!setup || xMm < 0 || yMm < 0 || xMm >= setup.patchMm || yMm >= setup.patchMm) return null;
    return { ix: Math.floor(xMm / setup.pitchMm), iy: Math.floor(yMm / setup.pitchMm) };
  };

  const blockedFlash = (): void => {
    const o = byId('blocked-overlay');
    o.classList.remove('flash');
    void o.offsetWidth;
    o.classList.add('flash');
    store.announce.emit('Blocked: a contraindication is selected. Tick the override to simulate anyway.');
  };

  const roll = (x0: number, y0: number, x1: number, y1: number): void => {
    const s = store.settings.get();
    void engine.strokes([{ x0Mm: x0, y0Mm: y0, x1Mm: x1, y1Mm: y1, needleMm: s.needleMm, pressure: s.pressure, trackOffsetMm: 0 }], gesture);
  };

  const pass = (): void => {
    if (blocked()) return blockedFlash();
    void engine.pass();
  };
  byId('roll-pass').addEventListener('click', pass);

  skin.addEventListener('pointerdown', (e) => {
    const { xMm, yMm } = view.clientToMm(e.clientX, e.clientY);
    store.hoverCell.set(cellAt(xMm, yMm));
    if (blocked()) return blockedFlash();
    skin.setPointerCapture(e.pointerId);
    tracker.down(xMm, yMm);
    gesture = engine.nextGesture();
    roller({ xMm, yMm, rolling: true, visible: true });
    e.preventDefault();
  });
  skin.addEventListener('pointermove', (e) => {
    const { xMm, yMm } = view.clientToMm(e.clientX, e.clientY);
    store.hoverCell.set(cellAt(xMm, yMm));
    const s = store.settings.get();
    const stroke = tracker.move(xMm, yMm, s.needleMm, s.pressure);
    roller({ xMm, yMm, visible: true, ...(stroke ? { heading: tracker.heading } : {}) });
    if (stroke) roll(stroke.x0Mm, stroke.y0Mm, stroke.x1Mm, stroke.y1Mm);
  });
  const endDrag = (): void => {
    tracker.up();
    roller({ rolling: false });
  };
  skin.addEventListener('pointerup', endDrag);
  skin.addEventListener('pointercancel', endDrag);
  skin.addEventListener('pointerleave', (e) => {
    if (tracker.isDown) return;
    // A finger "leaves" as it lifts: a touch screen has no hover, so the tapped spot stays inspected.
    if (e.pointerType !== 'touch') store.hoverCell.set(null);
    roller({ visible: false });
  });

  skin.addEventListener('keydown', (e) => {
    const dir = arrowDirection(e.key);
    const w = drumMm();
    const patch = patchMm();
    const r = store.roller.get();
    if (dir) {
      e.preventDefault();
      const stepMm = e.shiftKey ? KEY_MOVE_MM : KEY_ROLL_MM;
      const x1 = clampRollerMm(r.xMm + dir.dx * stepMm, patch, w);
      const y1 = clampRollerMm(r.yMm + dir.dy * stepMm, patch, w);
      if (!e.shiftKey) {
        if (blocked()) return blockedFlash();
        gesture = engine.nextGesture();
        if (x1 !== r.xMm || y1 !== r.yMm) roll(r.xMm, r.yMm, x1, y1);
      }
      roller({ xMm: x1, yMm: y1, heading: Math.atan2(dir.dy, dir.dx), visible: true, rolling: !e.shiftKey });
      store.hoverCell.set(cellAt(x1, y1));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (blocked()) return blockedFlash();
      // Roll a full lane: from here to beyond the edge in the current heading.
      const dx = Math.round(Math.cos(r.heading));
      const dy = Math.round(Math.sin(r.heading));
      const x1 = dx > 0 ? patch + w / 2 : dx < 0 ? -w / 2 : r.xMm;
      const y1 = dy > 0 ? patch + w / 2 : dy < 0 ? -w / 2 : r.yMm;
      gesture = engine.nextGesture();
      roll(r.xMm, r.yMm, x1, y1);
      roller({ xMm: x1, yMm: y1, rolling: true });
    } else if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      pass();
    }
  });
  skin.addEventListener('keyup', () => roller({ rolling: false }));
  // The roller shows while the pointer is over the patch or the patch has keyboard focus.
  skin.addEventListener('focus', () => roller({ visible: true }));
  skin.addEventListener('blur', () => roller({ visible: false, rolling: false }));
}
