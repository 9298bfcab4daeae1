import { Container, Graphics } from 'pixi.js';

/**
 * The dermaroller seen from above, drawn once in mm units: a drum of `drumWidthMm` along its axis
 * and `drumDiameterMm` across (its footprint as it rolls), with the needle discs as lines, and a
 * handle trailing behind. Moving or turning it only changes the container transform.
 */
export class RollerGraphic {
  readonly root = new Container();
  private readonly drum = new Graphics();
  private readonly contact = new Graphics();

  constructor(drumWidthMm: number, drumDiameterMm: number, rows: number) {
    const w = drumWidthMm;
    const d = drumDiameterMm;
    // Handle: trails behind the drum (local −x is "behind", the axis is local y).
    const handle = new Graphics()
      .roundRect(-d / 2 - 34, -2.2, 34, 4.4, 2.2)
      .fill({ color: 0x2f3b48, alpha: 0.85 })
      .roundRect(-d / 2 - 6, -1.2, 6, 2.4, 1)
      .fill({ color: 0x8b98a5, alpha: 0.9 });
    this.drum
      .roundRect(-d / 2, -w / 2, d, w, 3)
      .fill({ color: 0xe8edf2, alpha: 0.38 })
      .stroke({ width: 0.5, color: 0x3a4754, alpha: 0.9 });
    for (let r = 0; r < rows; r++) {
      const y = -w / 2 + ((r + 0.5) * w) / rows;
      this.drum.moveTo(-d / 2 + 1, y).lineTo(d / 2 - 1, y).stroke({ width: 0.35, color: 0x5a6774, alpha: 0.8 });
    }
    // The contact line where the needles meet the skin; brightens while rolling.
    this.contact.rect(-0.4, -w / 2, 0.8, w).fill({ color: 0xffffff, alpha: 1 });
    this.contact.alpha = 0.25;
    this.root.addChild(handle, this.drum, this.contact);
  }

  /** Places the roller: centre in px, heading (radians, direction of travel), px per mm. */
  place(xPx: number, yPx: number, headingRad: number, pxPerMm: number, rolling: boolean): void {
    this.root.position.set(xPx, yPx);
    this.root.rotation = headingRad;
    this.root.scale.set(pxPerMm);
    this.contact.alpha = rolling ? 0.9 : 0.25;
  }

  set visible(v: boolean) {
    this.root.visible = v;
  }
}
