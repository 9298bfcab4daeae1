import type { CellReport } from '../../engine/index';
import { byId, setText } from '../dom';
import { indexValue, percent, signedPercent } from '../format';
import type { SessionViewContext } from './context';

/** At most this often the inspector asks the worker, ms. */
const INSPECT_EVERY_MS = 120;

export function inspectionText(r: CellReport): string {
  const o = r.outputs;
  return (
    `At ${r.xMm.toFixed(1)} mm across, ${r.yMm.toFixed(1)} mm down: erythema ${indexValue(o.erythema)}, oedema ${indexValue(o.edema)}, ` +
    `collagen III ${signedPercent(o.collagen3, 1)}, collagen I ${signedPercent(o.collagen1, 1)}, capillary integrity (acute) ${percent(o.capillaryIntegrity)}, ` +
    `telangiectasia (lasting) ${indexValue(o.telangiectasia)}, pigment ${indexValue(o.pigment, 3)}, open channels ${indexValue(o.barrierOpen)}; ` +
    `${r.passes.toFixed(0)} passes and ${r.sessionDensityPerCm2.toFixed(0)} punctures/cm² this session.`
  );
}

/** The spot inspector: follows the hovered cell and the engine state, throttled. */
export function mountInspector({ store, engine }: SessionViewContext): void {
  const el = byId('inspector');
  let asking = false;
  let again = false;
  let last = 0;
  const ask = (): void => {
    const cell = store.hoverCell.get();
    if (cell === null) return setText(el, 'Hover or tap the skin to inspect a spot.');
    if (asking) {
      again = true;
      return;
    }
    const wait = last + INSPECT_EVERY_MS - performance.now();
    if (wait > 0) {
      again = true;
      setTimeout(() => {
        if (again && !asking) {
          again = false;
          ask();
        }
      }, wait);
      return;
    }
    asking = true;
    last = performance.now();
    void engine
      .read((c) => c.inspect(cell.ix, cell.iy))
      .then((r) => {
        if (r) store.inspection.set(r);
      })
      .finally(() => {
        asking = false;
        if (again) {
          again = false;
          ask();
        }
      });
  };
  store.hoverCell.subscribe(ask);
  store.snapshot.subscribe(() => {
    if (store.hoverCell.get() !== null) ask();
  });
  store.inspection.subscribe((r) => {
    if (r && store.hoverCell.get() !== null) setText(el, inspectionText(r));
  });
  ask();
}
