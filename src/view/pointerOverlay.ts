/**
 * The roller and the hover marker, drawn over the skin canvas as two DOM layers that move by CSS
 * transform alone (issue 17). In the WebGL stage every pointer move re-rendered the whole stage under
 * SwiftShader: hovering alone cost 1.6 cores of the GPU process and halved the page's frame rate; a
 * transformed layer is moved by the compositor without re-rendering anything (measured: hovering
 * then leaves the frame rate at the idle page's). The skin canvas re-renders only when the skin does.
 *
 * Each layer covers the patch and draws in patch mm (SVG viewBox): its picture is rastered once, and
 * `translate(x %, y %)` of its own (patch-sized) box puts its origin at the point in mm, whatever size
 * CSS gives the patch. The roller is the one drawn in the stage before: a drum of `drumWidthMm` along
 * its axis and `drumDiameterMm` across (its footprint as it rolls), the needle discs as lines, a
 * handle trailing behind, and the contact line that brightens while rolling.
 */
const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export interface PointerOverlayOptions {
  patchMm: number;
  drumWidthMm: number;
  drumDiameterMm: number;
  needleRows: number;
  /** The skin canvas's px per mm: the hover marker keeps the size it had on the canvas (6 and 7.5 px). */
  canvasPxPerMm: number;
}

export class PointerOverlay {
  private readonly rollerLayer: HTMLDivElement;
  private readonly hoverLayer: HTMLDivElement;
  private readonly contact: SVGRectElement;
  private readonly patchMm: number;

  constructor(host: HTMLElement, o: PointerOverlayOptions) {
    this.patchMm = o.patchMm;
    const layer = (name: string, picture: SVGElement[]): HTMLDivElement => {
      const div = document.createElement('div');
      div.className = `pointer-layer ${name}`;
      div.hidden = true;
      const svg = svgEl('svg', { viewBox: `0 0 ${o.patchMm} ${o.patchMm}`, 'aria-hidden': 'true', focusable: 'false' });
      svg.append(...picture);
      div.append(svg);
      host.append(div);
      return div;
    };
    const w = o.drumWidthMm;
    const d = o.drumDiameterMm;
    const needles: SVGElement[] = [];
    for (let r = 0; r < o.needleRows; r++) {
      const y = -w / 2 + ((r + 0.5) * w) / o.needleRows;
      needles.push(svgEl('line', { x1: -d / 2 + 1, y1: y, x2: d / 2 - 1, y2: y, stroke: '#5a6774', 'stroke-opacity': 0.8, 'stroke-width': 0.35 }));
    }
    this.contact = svgEl('rect', { x: -0.4, y: -w / 2, width: 0.8, height: w, fill: '#fff', opacity: 0.25 });
    this.rollerLayer = layer('roller-layer', [
      // Handle: trails behind the drum (local −x is "behind", the axis is local y).
      svgEl('rect', { x: -d / 2 - 34, y: -2.2, width: 34, height: 4.4, rx: 2.2, fill: '#2f3b48', 'fill-opacity': 0.85 }),
      svgEl('rect', { x: -d / 2 - 6, y: -1.2, width: 6, height: 2.4, rx: 1, fill: '#8b98a5', 'fill-opacity': 0.9 }),
      svgEl('rect', { x: -d / 2, y: -w / 2, width: d, height: w, rx: 3, fill: '#e8edf2', 'fill-opacity': 0.38, stroke: '#3a4754', 'stroke-opacity': 0.9, 'stroke-width': 0.5 }),
      ...needles,
      this.contact,
    ]);
    const px = 1 / o.canvasPxPerMm;
    this.hoverLayer = layer('hover-layer', [
      svgEl('circle', { cx: 0, cy: 0, r: 6 * px, fill: 'none', stroke: '#fff', 'stroke-opacity': 0.9, 'stroke-width': 1.5 * px }),
      svgEl('circle', { cx: 0, cy: 0, r: 7.5 * px, fill: 'none', stroke: '#000', 'stroke-opacity': 0.5, 'stroke-width': 1 * px }),
    ]);
  }

  /** Places the roller: centre in mm, heading (radians, direction of travel). */
  setRoller(xMm: number, yMm: number, headingRad: number, rolling: boolean, visible: boolean): void {
    this.rollerLayer.hidden = !visible;
    this.rollerLayer.style.transform = `${this.translate(xMm, yMm)} rotate(${headingRad}rad)`;
    this.contact.setAttribute('opacity', rolling ? '0.9' : '0.25');
  }

  setHover(xMm: number | null, yMm: number | null): void {
    this.hoverLayer.hidden = xMm === null || yMm === null;
    if (xMm !== null && yMm !== null) this.hoverLayer.style.transform = this.translate(xMm, yMm);
  }

  /** A translation of a patch-sized layer's origin to (x, y) mm, in % of its own size. */
  private translate(xMm: number, yMm: number): string {
    return `translate(${(xMm / this.patchMm) * 100}%, ${(yMm / this.patchMm) * 100}%)`;
  }
}
