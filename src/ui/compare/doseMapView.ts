import { SERIES_INFO } from '../../engine/index';
import { DOSE_MAP_INTERVALS_DAYS, DOSE_MAP_NEEDLES_MM, outlineSegments } from '../../compare/doseMap';
import { signedPercent } from '../format';
import type { DoseMapState } from './doseMapModel';
import { download, el } from '../dom';

const COLS = DOSE_MAP_INTERVALS_DAYS.length;
const ROWS = DOSE_MAP_NEEDLES_MM.length;
/** Viridis (van der Walt & Smith 2015): perceptually uniform and readable with colour-vision deficiencies. */
const VIRIDIS = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];

/** Colour of a collagen gain on the map's scale [0, max]. */
export function viridisAt(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - k;
  const a = hex(VIRIDIS[k]!);
  const b = hex(VIRIDIS[k + 1]!);
  return `rgb(${Math.round(a[0] + (b[0] - a[0]) * f)}, ${Math.round(a[1] + (b[1] - a[1]) * f)}, ${Math.round(a[2] + (b[2] - a[2]) * f)})`;
}

function hex(c: string): [number, number, number] {
  return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
}

/**
 * The dose map drawn on a canvas labelled "Dose map": intervals across, needle lengths up, each cell
 * coloured by collagen gain at its read-out day, the region where capillary damage becomes visible
 * outlined, cells not yet computed hatched; a data table beside it for screen readers.
 */
export class DoseMapView {
  readonly canvas: HTMLCanvasElement;
  readonly table: HTMLDetailsElement;
  private widthCss = 640;
  private state: DoseMapState | null = null;
  /** Cells inside the trials' envelope (data), row-major; null until a map is computed. */
  private inside: readonly boolean[] | null = null;
  private frame: number | null = null;
  private ctx: CanvasRenderingContext2D | null = null;

  constructor() {
    this.canvas = el('canvas', { className: 'dose-map', attrs: { role: 'img', 'aria-label': 'Dose map' } });
    this.table = el('details', { className: 'chart-table' }, [el('summary', { text: 'Dose map data table' })]);
    this.table.addEventListener('toggle', () => this.renderTable());
  }

  resize(widthCss: number): void {
    this.widthCss = Math.max(300, Math.min(900, Math.floor(widthCss)));
    if (this.state) this.show(this.state);
  }

  /** Which cells rest on data (inside the trials' protocols); the others are extrapolation (docs/model.md §17). */
  setEvidence(inside: readonly boolean[] | null): void {
    this.inside = inside;
    if (this.state) this.show(this.state);
  }

  /**
   * Takes a new state; the canvas is drawn at most once per animation frame (issue 17). Drawing on
   * every finished cell made the page wait on the GPU: under SwiftShader a 2D canvas's frame waits
   * for the previous one to be presented ("GPU backpressure" in a Chrome trace: 22.8 s of a 27 s map
   * on a loaded 2-core machine), and meanwhile no worker got its next job.
   */
  show(state: DoseMapState): void {
    this.state = state;
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  /** Draws now (a pending frame's drawing included); the PNG export needs the current picture. */
  private drawNow(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.draw();
  }

  private draw(): void {
    const state = this.state;
    if (state === null) return;
    const dpr = devicePixelRatio;
    const w = this.widthCss;
    const h = Math.round(Math.min(460, Math.max(300, w * 0.62)));
    const pw = Math.round(w * dpr);
    const ph = Math.round(h * dpr);
    // Resizing a canvas reallocates it: only when its size changed.
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
      this.canvas.width = pw;
      this.canvas.height = ph;
    }
    // A canvas kept in main memory (willReadFrequently): its drawing never waits for the GPU process,
    // which is busy presenting the page under SwiftShader; the compositor uploads the picture instead.
    this.ctx ??= this.canvas.getContext('2d', { willReadFrequently: true });
    const ctx = this.ctx;
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    const left = 56;
    const bottom = 52;
    const right = 86;
    const top = 10;
    const cw = (w - left - right) / COLS;
    const ch = (h - top - bottom) / ROWS;
    const max = this.scaleMax();
    const cellX = (c: number): number => left + c * cw;
    // Needle rows go up: the longest needle at the top.
    const cellY = (r: number): number => top + (ROWS - 1 - r) * ch;
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        const v = state.cells[r * COLS + c];
        if (v) {
          ctx.fillStyle = viridisAt(v.collagenGain / max);
          ctx.fillRect(cellX(c), cellY(r), cw + 0.5, ch + 0.5);
        } else {
          ctx.fillStyle = '#eceae6';
          ctx.fillRect(cellX(c), cellY(r), cw + 0.5, ch + 0.5);
          ctx.strokeStyle = '#d3cec6';
          ctx.lineWidth = 1;
          ctx.beginPath();
          for (let k = -ch; k < cw; k += 8) {
            ctx.moveTo(cellX(c) + k, cellY(r) + ch);
            ctx.lineTo(cellX(c) + k + ch, cellY(r));
          }
          ctx.save();
          ctx.rect(cellX(c), cellY(r), cw, ch);
          ctx.clip();
          ctx.stroke();
          ctx.restore();
        }
      }
    }
    // Outline where capillary damage becomes visible: black with a white core, readable on any colour.
    const flags = state.cells.map((v) => (v ? v.damageVisible : null));
    const segs = outlineSegments(flags, COLS, ROWS);
    for (const [width, colour] of [
      [5, '#000'],
      [2, '#fff'],
    ] as const) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.lineCap = 'round';
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of segs) {
        ctx.moveTo(left + x0 * cw, top + (ROWS - y0) * ch);
        ctx.lineTo(left + x1 * cw, top + (ROWS - y1) * ch);
      }
      ctx.stroke();
    }
    // The trials' envelope: a dashed amber frame around the cells whose numbers are data.
    if (this.inside && this.inside.some(Boolean)) {
      ctx.save();
      ctx.setLineDash([6, 4]);
      ctx.strokeStyle = '#f0a020';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of outlineSegments(this.inside, COLS, ROWS)) {
        ctx.moveTo(left + x0 * cw, top + (ROWS - y0) * ch);
        ctx.lineTo(left + x1 * cw, top + (ROWS - y1) * ch);
      }
      ctx.stroke();
      ctx.restore();
    }
    ctx.fillStyle = '#17212b';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    // Thinned to what fits (a phone's narrow cells): a label is skipped when it would touch the last one drawn.
    const shownX: number[] = [];
    let lastRight = Number.NEGATIVE_INFINITY;
    DOSE_MAP_INTERVALS_DAYS.forEach((d, c) => {
      const half = ctx.measureText(String(d)).width / 2;
      const x = cellX(c) + cw / 2;
      if (x - half < lastRight + 6) return;
      ctx.fillText(String(d), x, h - bottom + 16);
      lastRight = x + half;
      shownX.push(d);
    });
    // What the axis shows, for tests and tools that cannot read pixels.
    this.canvas.dataset.intervalLabels = shownX.join(' ');
    ctx.fillText('interval between sessions (days)', left + (COLS * cw) / 2, h - 10);
    ctx.textAlign = 'right';
    const everyRow = ch >= 14 ? 1 : 2;
    DOSE_MAP_NEEDLES_MM.forEach((n, r) => {
      if (r % everyRow === 0) ctx.fillText(`${n}`, left - 6, cellY(r) + ch / 2 + 4);
    });
    ctx.save();
    ctx.translate(14, top + (ROWS * ch) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText('needle length (mm)', 0, 0);
    ctx.restore();
    // Colour bar.
    const barX = w - right + 18;
    const barH = ROWS * ch;
    for (let k = 0; k < barH; k++) {
      ctx.fillStyle = viridisAt(1 - k / barH);
      ctx.fillRect(barX, top + k, 14, 1);
    }
    ctx.textAlign = 'left';
    ctx.fillStyle = '#17212b';
    ctx.fillText(signedPercent(max), barX + 18, top + 10);
    ctx.fillText(signedPercent(max / 2), barX + 18, top + barH / 2 + 4);
    ctx.fillText('±0 %', barX + 18, top + barH);
  }

  /** Top of the colour scale: the largest gain on the map, rounded up to 10 %, at least +40 %. */
  private scaleMax(): number {
    let max = 0.4;
    for (const v of this.state?.cells ?? []) if (v && v.collagenGain > max) max = v.collagenGain;
    return Math.ceil(max * 10) / 10;
  }

  private renderTable(): void {
    if (!this.table.open || !this.state) return;
    this.table.querySelector('table')?.remove();
    const state = this.state;
    const table = el('table', { className: 'data-table' }, [
      el('caption', {
        text: `Collagen gain 8 weeks after the last session; "damage" marks visible capillary damage (${SERIES_INFO.telangiectasia.evidence}); "data" marks cells inside the published trials' protocols, the others are extrapolation`,
      }),
      el('thead', {}, [el('tr', {}, [el('th', { text: 'needle \\ interval', attrs: { scope: 'col' } }), ...DOSE_MAP_INTERVALS_DAYS.map((d) => el('th', { text: `${d} d`, attrs: { scope: 'col' } }))])]),
    ]);
    const body = el('tbody');
    for (let r = ROWS - 1; r >= 0; r--) {
      body.append(
        el('tr', {}, [
          el('th', { text: `${DOSE_MAP_NEEDLES_MM[r]} mm`, attrs: { scope: 'row' } }),
          ...DOSE_MAP_INTERVALS_DAYS.map((_, c) => {
            const v = state.cells[r * COLS + c];
            const data = this.inside?.[r * COLS + c] === true;
            return el('td', { text: v ? `${signedPercent(v.collagenGain)}${v.damageVisible ? ', damage' : ''}${data ? ', data' : ''}` : '…' });
          }),
        ]),
      );
    }
    table.append(body);
    this.table.append(table);
  }

  savePng(): void {
    this.drawNow();
    this.canvas.toBlob((blob) => {
      if (blob) download(blob, 'skinsim-dose-map.png');
    }, 'image/png');
  }
}
