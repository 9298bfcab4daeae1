import type { CrossSectionView } from '../../view/crossSectionView';
import type { SkinView, UploadStats } from '../../view/skinView';
import { wholeHourOf } from '../clock';
import { speedHoursPerSecond } from '../settings';
import { computed, sameData } from '../store';
import { RateMeter } from '../rateMeter';
import type { SessionViewContext } from './context';

/** The depth view costs the worker 3–6 ms: shade it at most this often, ms. */
const CROSS_EVERY_MS = 200;
/**
 * While playing, the clock alone asks for a new skin at most this often, ms (15 a second). Every skin
 * frame costs a full shade in the worker and, under SwiftShader, a texture upload and a composite of the
 * page on the CPU (issue 17): the clock readout keeps every animation frame, the skin a smooth 15.
 * Strokes, a new layer or setup still ask at once.
 */
const PLAY_SKIN_EVERY_MS = 66;

export interface FrameStats {
  framesDrawn: number;
  /** Times the skin's WebGL stage was rendered (a pointer move alone renders nothing: pointerOverlay.ts). */
  skinRenders: number;
  /** How the frames reached the texture: whole, as a changed rectangle, or with nothing changed. */
  uploads: UploadStats;
  /** Mean ms per animation frame in the app loop, per frame in the worker, and for rendering (benchmarks). */
  loopMs: number;
  workerMs: number;
  renderMs: number;
}

/**
 * The animation-frame loop: moves the clock by wall time (held to the skin on screen), measures the
 * speed reached, asks the engine for a frame when something it shows changed, and renders. What
 * "changed" means is said by subscriptions (engine state, layer, cut, clock hour), not by keys.
 */
export function startFrameLoop({ store, engine, clock }: SessionViewContext, skin: SkinView, cross: CrossSectionView) {
  const stats: FrameStats = { framesDrawn: 0, skinRenders: 0, uploads: skin.uploads, loopMs: 0, workerMs: 0, renderMs: 0 };
  const meter = new RateMeter();
  let frameDue = true;
  let crossDue = true;
  let lastCross = 0;
  const due = (): void => {
    frameDue = true;
    crossDue = true;
  };
  store.engineVersion.subscribe(due);
  store.setup.subscribe(due);
  computed([store.settings], (s) => s.layer).subscribe(() => {
    frameDue = true;
  });
  // The depth view draws the tip of the needle as set now: a new needle or pressure redraws it.
  const cut = computed([store.settings], (s) => ({ visible: s.crossVisible, rowMm: s.crossRowMm, needleMm: s.needleMm, pressure: s.pressure }), sameData);
  cut.subscribe(() => {
    crossDue = true;
  });
  /** A new hour to show, asked by the clock (paced while playing). */
  let clockDue = false;
  let lastSkinRequest = Number.NEGATIVE_INFINITY;
  computed([store.clockHours], wholeHourOf).subscribe(() => {
    clockDue = true;
    crossDue = true;
  });
  store.playing.subscribe(() => meter.reset());

  const ema = (old: number, x: number): number => (old === 0 ? x : old * 0.9 + x * 0.1);

  const requestFrame = (now: number): void => {
    if (clockDue && (!clock.playing || now - lastSkinRequest >= PLAY_SKIN_EVERY_MS)) {
      clockDue = false;
      frameDue = true;
    }
    const s = store.settings.get();
    const crossWanted = s.crossVisible && crossDue;
    if (!frameDue && !crossWanted) return;
    // Not with the first frame: the skin comes first, the depth view with the next one.
    const crossNow = crossWanted && now - lastCross >= CROSS_EVERY_MS && stats.framesDrawn > 0;
    if (!frameDue && !crossNow) return;
    const setup = store.setup.get();
    if (setup === null) return;
    const row = Math.min(setup.cells - 1, Math.floor(s.crossRowMm / setup.pitchMm));
    const wasFrameDue = frameDue;
    if (frameDue) lastSkinRequest = now;
    frameDue = false;
    if (crossNow) {
      crossDue = false;
      lastCross = now;
    }
    engine
      .frame(s.layer, clock.wholeHour(), crossNow ? { row, widthPx: cross.widthPx, heightPx: cross.heightPx, needleMm: s.needleMm, pressure: s.pressure } : null)
      .then((f) => {
        if (f === null) {
          // Not run (an intent is waiting, or a frame is in flight): ask again next time.
          frameDue ||= wasFrameDue;
          crossDue ||= crossNow;
          return;
        }
        const free = skin.showFrame(f);
        engine.shown(f);
        let oldCross: Uint8Array | null = null;
        if (f.crossSection) {
          oldCross = cross.show(f.crossSection.pixels);
          const tipMm = f.crossSection.needleTipMm;
          store.crossTip.set(tipMm === null ? null : { needleMm: s.needleMm, pressure: s.pressure, tipMm });
        }
        engine.release(free, oldCross);
        stats.framesDrawn++;
        stats.workerMs = ema(stats.workerMs, f.workerMs);
        // The engine may stop a step short of the clock; a later hour is due again.
        if (f.snapshot.hour < clock.wholeHour() && clock.playing) clockDue = true;
      })
      .catch((err: unknown) => {
        frameDue = true;
        console.error(err);
      });
  };

  let lastTime = performance.now();
  // While another tab (Compare) is shown, the skin is neither shaded nor drawn: the worker and the GPU stay free.
  const panel = document.getElementById('session-view');
  const loop = (now: number): void => {
    const started = performance.now();
    const dt = (now - lastTime) / 1000;
    lastTime = now;
    const shown = store.snapshot.get()?.hour ?? 0;
    clock.tick(dt, shown);
    if (clock.playing) {
      meter.sample(now / 1000, clock.hours);
      const eff = clock.effectiveSpeed();
      const reached = meter.rate();
      const behind = !eff.slowed && meter.behind(eff.hoursPerSecond) !== null;
      store.rate.set({ chosenHoursPerSecond: speedHoursPerSecond(clock.speed), reachedHoursPerSecond: reached, slowed: eff.slowed, behind });
    }
    if (panel?.hidden !== true) {
      requestFrame(now);
      const renderStart = performance.now();
      if (skin.renderIfNeeded()) stats.skinRenders++;
      if (store.settings.get().crossVisible) cross.renderIfNeeded();
      stats.renderMs = ema(stats.renderMs, performance.now() - renderStart);
    }
    stats.loopMs = ema(stats.loopMs, performance.now() - started);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);

  return {
    stats,
    /** Nothing queued or in flight, and the view shows the current state. */
    settled: (): boolean => engine.settled && !frameDue && !clockDue && !(crossDue && store.settings.get().crossVisible),
  };
}
