import { visibleEffectWarnings } from '../engine/guidance';
import { DEFAULT_PARAMS } from '../engine/params';
import type { SeriesValues, SessionSummary } from '../engine/index';
import { crossSectionLabels } from '../shading/crossSection';
import { legendFor } from '../shading/legends';
import type { Legend } from '../shading/types';
import { CrossSectionView } from '../view/crossSectionView';
import { SkinView } from '../view/skinView';
import { arrowDirection, clampRollerMm, KEY_MOVE_MM, KEY_ROLL_MM, StrokeTracker } from '../view/strokeInput';
import type { FrameResult, SetupInfo } from '../../workers/engineApi';
import type { LogOp, SetupInput } from '../../workers/messages';
import { Announcer } from './announcer';
import { SimClock } from './clock';
import { Controls } from './controls';
import { byId } from './dom';
import { EngineClient } from './engineClient';
import { dayLabel, indexValue, percent, sessionAnnouncement, signedPercent } from './format';
import { setupGuide } from './guide';
import { renderLegend } from './legendView';
import { LiveChart } from './liveChart';
import { clearState, loadState, saveState } from './persistence';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const CANVAS_PX = 640;
const TEXTURE_PX = 640;
const GRID_CELLS = 160;
const CROSS_W = 640;
const CROSS_H = 220;

/** What end-to-end tests read instead of pixels (tldraw's habit): model state, not screenshots. */
export interface TestHook {
  ready: boolean;
  rendererName: string;
  hour(): number;
  clockHours(): number;
  means(): SeriesValues | null;
  session(): SessionSummary | null;
  sessionsStarted(): number;
  settings(): Settings;
  framesDrawn(): number;
  /** True when the view shows the current state: nothing queued, nothing in flight, nothing new to draw. */
  settled(): boolean;
  /** Mean ms per animation frame spent in the app loop, and per frame in the worker (benchmarks). */
  timings(): { loopMs: number; workerMs: number; renderMs: number };
}

declare global {
  interface Window {
    __skinsim?: TestHook;
  }
}

function setupOf(s: Settings): SetupInput {
  return { seed: s.seed, skin: s.skin, override: s.override, gridCells: GRID_CELLS, texturePx: TEXTURE_PX };
}

/**
 * Wires the app: controls → clock and engine client (worker) → frames → Pixi view, readouts, chart.
 * Data flows one way; the view never calls the engine.
 */
export async function startApp(): Promise<void> {
  setupGuide();
  const announcer = new Announcer();
  const clock = new SimClock();
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  const client = new EngineClient(worker);
  const tracker = new StrokeTracker(0.5);
  const p = DEFAULT_PARAMS;

  const restored = await loadState();
  let settings: Settings = restored.state?.settings ?? DEFAULT_SETTINGS;
  clock.speed = settings.speed;

  const view = await SkinView.create({
    host: byId('skin-canvas-host'),
    sizePx: CANVAS_PX,
    texturePx: TEXTURE_PX,
    patchMm: 40,
    drumWidthMm: p.drumWidthMm,
    drumDiameterMm: p.drumDiameterMm,
    needleRows: p.needleRows,
  });
  const crossView = await CrossSectionView.create(byId('cross-host'), CROSS_W, CROSS_H);
  const chartHost = byId('chart');
  const chart = new LiveChart(chartHost, Math.max(280, chartHost.clientWidth || 360), 200);

  let info: SetupInfo;
  let lastFrame: FrameResult | null = null;
  let framesDrawn = 0;
  let passIndex = 0;
  let lastSessionIndex = 0;
  let roller = { xMm: 20, yMm: 20, heading: 0, rolling: false, visible: false };
  let lastSession: SessionSummary | null = null;
  /** Bumped whenever the engine state changes other than by the clock (strokes, exact advance, new skin). */
  let engineGeneration = 0;
  /** Engine calls that change state and have not resolved yet (for the test hook's `settled`). */
  let pendingEngineCalls = 0;
  const track = async <T,>(call: Promise<T>): Promise<T> => {
    pendingEngineCalls++;
    try {
      return await call;
    } finally {
      pendingEngineCalls--;
    }
  };
  let hoverCell: { ix: number; iy: number } | null = null;
  let lastInspect = 0;
  let inspecting = false;
  const sessionList = byId('session-list');
  const warningList = byId('warning-list');
  const shownWarnings = new Set<string>();

  const showWarning = (code: string, message: string): void => {
    if (shownWarnings.has(code)) return;
    shownWarnings.add(code);
    const li = document.createElement('li');
    li.textContent = message;
    li.dataset.code = code;
    warningList.appendChild(li);
  };

  /** After a new skin or a replay, the next frame's events rebuild the session list without being re-announced. */
  let quietGeneration = -1;
  const applyInfo = async (next: SetupInfo): Promise<void> => {
    info = next;
    engineGeneration++;
    quietGeneration = engineGeneration;
    sessionList.replaceChildren();
    lastSession = null;
    warningList.replaceChildren();
    shownWarnings.clear();
    for (const w of info.warnings) showWarning(w.code, w.message);
    byId('blocked-overlay').hidden = !info.blocked;
    byId<HTMLButtonElement>('roll-pass').disabled = info.blocked;
    view.showBaseline(await client.baseline());
    crossView.setLabels(crossSectionLabels(info.anatomy, info.crossDepthMm));
    describeCrossSection();
  };

  const describeCrossSection = (): void => {
    const a = info.anatomy;
    const reach = p.fPen * settings.needleMm * settings.pressure;
    byId('cross-desc').textContent =
      `Depth view ${settings.crossRowMm} mm from the top of the patch. Epidermis ${a.epidermisMm.toFixed(2)} mm, capillary loops at ${a.capillaryLoopsMm.toFixed(2)} mm, ` +
      `superficial plexus at ${a.plexusMm.toFixed(2)} mm, dermis ${a.dermisMm.toFixed(2)} mm thick. ` +
      `${settings.needleMm} mm needles reach about ${reach.toFixed(2)} mm${reach > a.capillaryLoopsMm ? ', past the capillary loops (pinpoint bleeding)' : ', not reaching the capillary loops'}.`;
  };

  // ── Start: restore the saved session exactly, or begin fresh ─────────────────────────────
  const controls = new Controls(settings, {
    onChange: (next, rebuild) => void onSettings(next, rebuild),
  });
  if (restored.error) showWarning('restore-failed', restored.error);
  try {
    if (restored.state) {
      const s = restored.state;
      await applyInfo(await track(client.replay(setupOf(settings), s.ops, Math.floor(s.clockHours))));
      clock.hours = s.clockHours;
      for (const d of s.sessionDays) chart.markSession(d);
      const lastSession = s.sessionDays[s.sessionDays.length - 1];
      if (lastSession !== undefined) clock.lastInjuryHour = lastSession * 24;
    } else {
      await applyInfo(await track(client.init(setupOf(settings))));
    }
  } catch (err) {
    showWarning('restore-failed', `Saved state could not be replayed (${(err as Error).message}); starting fresh.`);
    await clearState();
    settings = DEFAULT_SETTINGS;
    controls.write(settings);
    await applyInfo(await track(client.init(setupOf(settings))));
  }
  updateLegend(legendFor(settings.layer));
  view.setSplit(settings.split / 100);
  byId('cross-host').hidden = !settings.crossVisible;

  // ── Persistence ────────────────────────────────────────────────────────────────────────
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  // The log only changes with the engine generation; while playing only the clock needs saving.
  let savedOps: { generation: number; ops: LogOp[] } = { generation: -1, ops: [] };
  const scheduleSave = (): void => {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void (async () => {
        const generation = engineGeneration;
        if (savedOps.generation !== generation) savedOps = { generation, ops: (await client.getLog()).ops };
        await saveState({ version: 1, settings, ops: savedOps.ops, clockHours: clock.hours, sessionDays: [...chart.sessions] });
      })().catch((err: unknown) => showWarning('save-failed', `The session could not be saved in this browser: ${(err as Error).message}`));
    }, 250);
  };

  // ── Settings ───────────────────────────────────────────────────────────────────────────
  async function onSettings(next: Settings, rebuild: boolean): Promise<void> {
    const layerChanged = next.layer !== settings.layer;
    settings = next;
    clock.speed = next.speed;
    view.setSplit(next.split / 100);
    byId('cross-host').hidden = !next.crossVisible;
    if (layerChanged) updateLegend(legendFor(next.layer));
    describeCrossSection();
    if (rebuild) {
      // A different skin: replay everything rolled so far on it, so nothing the user did is lost.
      const log = await client.getLog();
      const sessionDays = [...chart.sessions];
      await applyInfo(await track(client.replay(setupOf(next), log.ops, clock.wholeHour())));
      chart.clear();
      for (const d of sessionDays) chart.markSession(d);
    }
    scheduleSave();
  }

  function updateLegend(legend: Legend | null): void {
    renderLegend(byId('legend'), legend);
  }

  // ── Time controls ──────────────────────────────────────────────────────────────────────
  const pauseExact = async (): Promise<void> => {
    clock.playing = false;
    clock.hours = clock.wholeHour();
    await track(client.advance(clock.wholeHour(), true));
    engineGeneration++;
    scheduleSave();
  };
  byId('play').addEventListener('click', () => {
    clock.playing = true;
  });
  byId('pause').addEventListener('click', () => void pauseExact());
  const step = async (hours: number): Promise<void> => {
    clock.playing = false;
    clock.hours = clock.wholeHour() + hours;
    await track(client.advance(clock.wholeHour(), true));
    engineGeneration++;
    scheduleSave();
  };
  byId('step-day').addEventListener('click', () => void step(24));
  byId('step-week').addEventListener('click', () => void step(24 * 7));

  const freshSkin = (): void => {
    clock.hours = 0;
    clock.playing = false;
    clock.lastInjuryHour = Number.NEGATIVE_INFINITY;
    chart.clear();
    passIndex = 0;
    lastSessionIndex = 0;
    lastFrame = null;
    // The session list and the last session are cleared by applyInfo, which always follows.
  };
  byId('start-over').addEventListener('click', () => {
    void (async () => {
      freshSkin();
      await applyInfo(await track(client.startOver()));
      announcer.say('Started over: fresh skin, same settings.');
      scheduleSave();
    })();
  });
  byId('reset').addEventListener('click', () => {
    void (async () => {
      freshSkin();
      settings = DEFAULT_SETTINGS;
      clock.speed = settings.speed;
      controls.write(settings);
      view.setSplit(0);
      updateLegend(legendFor(settings.layer));
      await applyInfo(await track(client.init(setupOf(settings))));
      announcer.say('Reset: settings and skin back to defaults.');
      scheduleSave();
    })();
  });

  // ── Rolling ───────────────────────────────────────────────────────────────────────────
  const blockedFlash = (): void => {
    const o = byId('blocked-overlay');
    o.classList.remove('flash');
    void o.offsetWidth;
    o.classList.add('flash');
    announcer.say('Blocked: a contraindication is selected. Tick the override to simulate anyway.');
  };
  const roll = (x0: number, y0: number, x1: number, y1: number): void => {
    const at = clock.wholeHour();
    client.queueStroke({ x0Mm: x0, y0Mm: y0, x1Mm: x1, y1Mm: y1, needleMm: settings.needleMm, pressure: settings.pressure, trackOffsetMm: 0 }, at);
    clock.lastInjuryHour = at;
  };
  const rollPass = async (): Promise<void> => {
    if (info.blocked) return blockedFlash();
    const at = clock.wholeHour();
    clock.lastInjuryHour = at;
    const r = await track(client.rollPass(at, settings.needleMm, settings.pressure, passIndex));
    engineGeneration++;
    if (r.accepted) {
      passIndex++;
      announcer.say(`Pass ${passIndex} rolled: ${r.punctures} punctures.`);
    }
    scheduleSave();
  };
  byId('roll-pass').addEventListener('click', () => void rollPass());

  const skin = byId('skin-wrapper');
  skin.addEventListener('pointerdown', (e) => {
    const { xMm, yMm } = view.clientToMm(e.clientX, e.clientY);
    hoverCell = cellAt(xMm, yMm);
    if (info.blocked) return blockedFlash();
    skin.setPointerCapture(e.pointerId);
    tracker.down(xMm, yMm);
    roller = { ...roller, xMm, yMm, rolling: true, visible: true };
    e.preventDefault();
  });
  skin.addEventListener('pointermove', (e) => {
    const { xMm, yMm } = view.clientToMm(e.clientX, e.clientY);
    roller = { ...roller, xMm, yMm, visible: true };
    hoverCell = cellAt(xMm, yMm);
    const stroke = tracker.move(xMm, yMm, settings.needleMm, settings.pressure);
    if (stroke) {
      roller.heading = tracker.heading;
      roll(stroke.x0Mm, stroke.y0Mm, stroke.x1Mm, stroke.y1Mm);
    }
  });
  const endDrag = (): void => {
    if (tracker.isDown) scheduleSave();
    tracker.up();
    roller = { ...roller, rolling: false };
  };
  skin.addEventListener('pointerup', endDrag);
  skin.addEventListener('pointercancel', endDrag);
  skin.addEventListener('pointerleave', () => {
    if (tracker.isDown) return;
    hoverCell = null;
    roller = { ...roller, visible: false };
  });
  skin.addEventListener('keydown', (e) => {
    const dir = arrowDirection(e.key);
    const w = p.drumWidthMm;
    if (dir) {
      e.preventDefault();
      const stepMm = e.shiftKey ? KEY_MOVE_MM : KEY_ROLL_MM;
      const x1 = clampRollerMm(roller.xMm + dir.dx * stepMm, 40, w);
      const y1 = clampRollerMm(roller.yMm + dir.dy * stepMm, 40, w);
      const heading = Math.atan2(dir.dy, dir.dx);
      if (!e.shiftKey) {
        if (info.blocked) return blockedFlash();
        if (x1 !== roller.xMm || y1 !== roller.yMm) roll(roller.xMm, roller.yMm, x1, y1);
      }
      roller = { ...roller, xMm: x1, yMm: y1, heading, visible: true, rolling: !e.shiftKey };
      hoverCell = cellAt(x1, y1);
      describeRoller();
      scheduleSave();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (info.blocked) return blockedFlash();
      // Roll a full lane: from here to beyond the edge in the current heading.
      const dx = Math.round(Math.cos(roller.heading));
      const dy = Math.round(Math.sin(roller.heading));
      const x1 = dx > 0 ? 40 + w / 2 : dx < 0 ? -w / 2 : roller.xMm;
      const y1 = dy > 0 ? 40 + w / 2 : dy < 0 ? -w / 2 : roller.yMm;
      roll(roller.xMm, roller.yMm, x1, y1);
      roller = { ...roller, xMm: x1, yMm: y1, rolling: true };
      describeRoller();
      scheduleSave();
    } else if (e.key === 'p' || e.key === 'P') {
      e.preventDefault();
      void rollPass();
    }
  });
  skin.addEventListener('keyup', () => {
    roller = { ...roller, rolling: false };
  });
  // The roller shows while the pointer is over the patch or the patch has keyboard focus.
  skin.addEventListener('focus', () => {
    roller = { ...roller, visible: true };
    describeRoller();
  });
  skin.addEventListener('blur', () => {
    roller = { ...roller, visible: false, rolling: false };
  });
  const describeRoller = (): void => {
    const passes = lastFrame?.session?.meanPasses ?? 0;
    byId('skin-summary').textContent = `Roller at ${roller.xMm.toFixed(0)} mm across, ${roller.yMm.toFixed(0)} mm down. ${passes.toFixed(1)} passes this session.`;
  };
  const cellAt = (xMm: number, yMm: number): { ix: number; iy: number } | null => {
    if (xMm < 0 || yMm < 0 || xMm >= info.patchMm || yMm >= info.patchMm) return null;
    return { ix: Math.floor(xMm / info.pitchMm), iy: Math.floor(yMm / info.pitchMm) };
  };

  byId('chart-csv').addEventListener('click', () => {
    const blob = new Blob([chart.toCsv()], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `skinsim-seed${settings.seed}-day${Math.floor(clock.hours / 24)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  // ── Frames ────────────────────────────────────────────────────────────────────────────
  const outputs = {
    collagen: byId('out-collagen'),
    erythema: byId('out-erythema'),
    edema: byId('out-edema'),
    capillary: byId('out-capillary'),
    telangiectasia: byId('out-telangiectasia'),
    plastic: byId('out-plastic'),
    pigment: byId('out-pigment'),
    passes: byId('out-passes'),
  };
  const setText = (el: HTMLElement, text: string): void => {
    if (el.textContent !== text) el.textContent = text;
  };
  const showFrame = (f: FrameResult, generation: number): void => {
    // The first frame drawn for a new skin carries the replayed history's events: list them, quietly.
    const quietEvents = generation === quietGeneration;
    if (quietEvents) quietGeneration = -1;
    client.release(view.showFrame(f.pixels));
    if (f.crossSection) client.releaseCross(crossView.show(f.crossSection));
    framesDrawn++;
    lastFrame = f;
    timing.workerMs = ema(timing.workerMs, f.workerMs);
    const m = f.means;
    setText(outputs.collagen, signedPercent(m.collagenGain));
    setText(outputs.erythema, `${indexValue(m.erythema)}${m.erythema > 0.15 ? ' (visible)' : ''}`);
    setText(outputs.edema, `${indexValue(m.edema)}${m.edema > 0.1 ? ' (visible)' : ''}`);
    setText(outputs.capillary, percent(m.capillaryIntegrity));
    setText(outputs.telangiectasia, `${indexValue(m.telangiectasia)}${m.telangiectasia > 0.1 ? ' (visible)' : ''}`);
    setText(outputs.plastic, indexValue(m.plasticLook));
    setText(outputs.pigment, `${indexValue(m.pigment, 3)}${m.pigment > 0.028 ? ' (visible)' : ''}`);
    // Between sessions, show what the last one delivered.
    setText(outputs.passes, `${(f.session?.meanPasses ?? lastSession?.meanPasses ?? 0).toFixed(1)} passes`);
    // Adverse effects becoming visible are model events too (the first time they cross the threshold).
    for (const w of visibleEffectWarnings(m.telangiectasia, m.pigment)) {
      if (!shownWarnings.has(w.code) && !quietEvents) announcer.say(w.message);
      showWarning(w.code, w.message);
    }
    const v = f.samples.values;
    chart.push(f.samples.hours, v.collagenGain, v.capillaryIntegrity, v.erythema);
    if (f.session && f.session.index !== lastSessionIndex) {
      lastSessionIndex = f.session.index;
      passIndex = 0;
    }
    for (const ev of f.events) {
      if (ev.type === 'session-start') {
        const day = ev.hour / 24;
        chart.markSession(day);
      } else if (ev.type === 'session-end') {
        lastSession = ev.summary;
        const text = sessionAnnouncement(ev.summary);
        if (!quietEvents) announcer.say(text);
        const li = document.createElement('li');
        li.textContent = `${dayLabel(ev.summary.startHour)}: ${text.replace(/^Session \d+ done: /, '')}`;
        sessionList.appendChild(li);
      } else {
        if (!shownWarnings.has(ev.warning.code) && !quietEvents) announcer.say(ev.warning.message);
        showWarning(ev.warning.code, ev.warning.message);
      }
    }
  };

  // A frame is shaded only when something it depends on changed: the hour, the engine state, the layer
  // or the cut. A paused, untouched app costs nothing (and leaves the CPU to the rest of the page).
  let lastFrameKey = '';
  let shownFrameKey = '';
  let shownCrossKey = '';
  let crossStale = false;
  let lastCrossAt = 0;
  const crossRow = (): number => Math.min(GRID_CELLS - 1, Math.floor(settings.crossRowMm / (40 / GRID_CELLS)));
  const frameKey = (): string => `${clock.wholeHour()}|${engineGeneration}|${settings.layer}|${settings.crossVisible ? crossRow() : -1}`;
  const requestFrame = (): void => {
    if (client.busy || client.hasQueuedStrokes) return;
    const row = crossRow();
    const key = frameKey();
    if (key === lastFrameKey && !(crossStale && performance.now() - lastCrossAt > 200)) return;
    lastFrameKey = key;
    // The depth view changes slowly: shade it at most 5 times a second (it costs the worker 3–6 ms).
    const now = performance.now();
    const crossDue = settings.crossVisible && (key !== shownCrossKey || crossStale) && now - lastCrossAt > 200;
    if (settings.crossVisible && key !== shownCrossKey && !crossDue) crossStale = true;
    const cross = crossDue ? { row, widthPx: CROSS_W, heightPx: CROSS_H } : null;
    if (crossDue) {
      lastCrossAt = now;
      shownCrossKey = key;
      crossStale = false;
    }
    const generation = engineGeneration;
    client
      .frame(settings.layer, clock.wholeHour(), cross)
      .then((f) => {
        if (f) {
          showFrame(f, generation);
          shownFrameKey = key;
        }
      })
      .catch((err: unknown) => fatal(err));
  };

  const maybeInspect = (now: number): void => {
    if (hoverCell === null) {
      setText(byId('inspector'), 'Hover or tap the skin to inspect a spot.');
      return;
    }
    if (inspecting || now - lastInspect < 120) return;
    inspecting = true;
    lastInspect = now;
    const cell = hoverCell;
    client
      .inspect(cell.ix, cell.iy)
      .then((r) => {
        const o = r.outputs;
        setText(
          byId('inspector'),
          `At ${r.xMm.toFixed(1)} mm across, ${r.yMm.toFixed(1)} mm down: erythema ${indexValue(o.erythema)}, oedema ${indexValue(o.edema)}, ` +
            `collagen III ${signedPercent(o.collagen3, 1)}, collagen I ${signedPercent(o.collagen1, 1)}, capillary integrity ${percent(o.capillaryIntegrity)}, ` +
            `telangiectasia ${indexValue(o.telangiectasia)}, pigment ${indexValue(o.pigment, 3)}, open channels ${indexValue(o.barrierOpen)}; ` +
            `${r.passes.toFixed(0)} passes and ${r.sessionDensityPerCm2.toFixed(0)} punctures/cm² this session.`,
        );
      })
      .catch(() => undefined)
      .finally(() => {
        inspecting = false;
      });
  };

  const dayEl = byId('day');
  const speedNote = byId('speed-note');
  let lastTime = performance.now();
  let lastChart = 0;
  const timing = { loopMs: 0, workerMs: 0, renderMs: 0 };
  const ema = (old: number, x: number): number => (old === 0 ? x : old * 0.9 + x * 0.1);
  const loop = (now: number): void => {
    const loopStart = performance.now();
    const dt = (now - lastTime) / 1000;
    lastTime = now;
    clock.tick(dt);
    setText(dayEl, dayLabel(clock.hours));
    const eff = clock.effectiveSpeed();
    setText(speedNote, clock.playing && eff.slowed ? 'Slowed to 6 hours / s during the first day after a session.' : '');
    byId('play').classList.toggle('active', clock.playing);
    byId('pause').classList.toggle('active', !clock.playing);
    track(client.flushStrokes())
      .then((r) => {
        if (r) engineGeneration++;
        if (r && !r.accepted && r.reason) announcer.say(r.reason);
      })
      .catch((err: unknown) => fatal(err));
    requestFrame();
    view.setRoller(roller.xMm, roller.yMm, roller.heading, roller.rolling, roller.visible);
    view.setHover(hoverCell ? (hoverCell.ix + 0.5) * info.pitchMm : null, hoverCell ? (hoverCell.iy + 0.5) * info.pitchMm : null);
    view.setCutLine(settings.crossVisible ? settings.crossRowMm : null);
    const renderStart = performance.now();
    view.renderIfNeeded();
    if (settings.crossVisible) crossView.renderIfNeeded();
    timing.renderMs = ema(timing.renderMs, performance.now() - renderStart);
    maybeInspect(now);
    if (now - lastChart > 250) {
      lastChart = now;
      chart.flush();
      const latest = chart.latest();
      if (latest) {
        setText(
          byId('chart-desc'),
          `Day ${latest.day.toFixed(1)}: collagen gain ${latest.collagenPct.toFixed(0)} %, capillary integrity ${latest.integrityPct.toFixed(0)} %, erythema ${latest.erythema.toFixed(2)}. Sessions on days ${chart.sessions.map((d) => d.toFixed(0)).join(', ') || 'none yet'}.`,
        );
      }
      if (clock.playing) scheduleSave();
    }
    timing.loopMs = ema(timing.loopMs, performance.now() - loopStart);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  window.addEventListener('resize', () => chart.resize(Math.max(280, chartHost.clientWidth)));

  window.__skinsim = {
    ready: true,
    rendererName: view.rendererName,
    hour: () => lastFrame?.hour ?? 0,
    clockHours: () => clock.hours,
    means: () => lastFrame?.means ?? null,
    session: () => lastFrame?.session ?? null,
    sessionsStarted: () => lastFrame?.sessionsStarted ?? 0,
    settings: () => settings,
    framesDrawn: () => framesDrawn,
    settled: () => !client.busy && !client.hasQueuedStrokes && !pendingEngineCalls && shownFrameKey === frameKey() && !crossStale,
    timings: () => ({ ...timing }),
  };
  document.body.dataset.ready = 'true';
}

function fatal(err: unknown): void {
  const el = byId('fatal');
  el.hidden = false;
  el.textContent = `Something went wrong: ${(err as Error).message ?? String(err)}`;
  console.error(err);
}
